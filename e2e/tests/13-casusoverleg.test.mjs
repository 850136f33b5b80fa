// Journey 14: preparing a casusoverleg. A wijkteam worker who gives a 9-year-old girl jeugdhulp
// will sit at a table with the school, a leerplichtambtenaar, a wijkteam chair and the girl's
// huisarts. From "Nieuw beraad" she opens "Casusoverleg voorbereiden", describes the meeting and
// sees one answer per participant: nothing identifying for the school, the official or the chair
// without the parents' consent; the huisarts, once she says he treats the girl, is no derde. She
// reads how to discuss it without names, then opens the school's answer as a deliberation and
// finishes it. axe at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, withPage, login, axe, shot, answerAll } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** The card of one participant. */
const row = (page, label) => page.getByRole('list', { name: 'Per deelnemer' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${label}`) }) });

test('casusoverleg voorbereiden: per deelnemer een eigen antwoord, anoniem bespreken, en een antwoord als beraad openen', () =>
  withPage(b, 'casusoverleg', async (page) => {
    await login(page, 'wijkteam');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuw beraad' }).click();
    await page.getByRole('link', { name: /casusoverleg voor/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Casusoverleg voorbereiden' }).waitFor();
    assert.deepEqual(await axe(page, 'casusoverleg (form)'), []);

    await page.getByLabel(/Uw rol in dit overleg/).selectOption({ label: 'Jeugdhulpverlener' });
    const table = page.getByRole('group', { name: 'Wie zitten er aan tafel?' });
    for (const name of [/^Leraar/, /^Gemeenteambtenaar/, /^Wijkteammedewerker/, /^Huisarts$/]) {
      await table.getByRole('checkbox', { name }).check();
    }
    await page.getByRole('group', { name: 'Waarvoor is het overleg?' }).getByRole('radio', { name: /^zorg of hulp voor deze cliënt/ }).check();
    await page.getByRole('group', { name: 'Wat zou u inbrengen?' }).getByRole('checkbox', { name: 'jeugdhulp' }).check();
    await page.getByLabel(/Leeftijd van de cliënt/).fill('9');
    await page.getByRole('group', { name: /wilsbekwaam/ }).getByRole('radio', { name: /^nee$/i }).check();
    await page.getByRole('group', { name: /Toestemming van de cliënt/ }).getByRole('radio', { name: 'niet gevraagd', exact: true }).check();
    await page.getByRole('group', { name: 'Is er gevaar?' }).getByRole('radio', { name: 'geen', exact: true }).check();
    await page.getByRole('group', { name: /vermoeden van huiselijk geweld/ }).getByRole('radio', { name: /^nee$/i }).check();
    await page.getByRole('button', { name: 'Toon per deelnemer' }).click();

    await page.getByRole('heading', { level: 2, name: 'Per deelnemer' }).waitFor();
    for (const label of ['Leraar', 'Gemeenteambtenaar', 'Wijkteammedewerker', 'Huisarts']) {
      assert.match(await row(page, label).innerText(), /U mag niet delen/, label);
    }
    assert.ok(await page.getByText('U mag met niemand aan tafel iets delen dat de cliënt herkenbaar maakt.').isVisible());
    // The huisarts treats the girl: say so, and his answer changes.
    await row(page, 'Huisarts').getByRole('link', { name: /wijzig/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Per deelnemer' }).waitFor();
    assert.match(await row(page, 'Huisarts').innerText(), /werkt mee aan uw eigen behandeling of hulp[\s\S]*U mag delen[\s\S]*Geen derde/);
    assert.match(await row(page, 'Leraar').innerText(), /U mag niet delen/);
    assert.ok(await page.getByRole('heading', { level: 2, name: 'Zonder naam bespreken' }).isVisible());
    assert.ok(await page.getByText(/Een convenant of samenwerkingsafspraak is nooit zelf een grond/).isVisible());
    assert.deepEqual(await axe(page, 'casusoverleg (answers)'), []);
    await shot(page, 'casusoverleg');
    await page.setViewportSize({ width: 390, height: 844 });
    assert.deepEqual(await axe(page, 'casusoverleg (answers, 390 px)'), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5).map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`).join(' '));
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${overflow} px; too wide: ${wide})`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The school's answer as a deliberation: the circumstances are filled in; finish it.
    await row(page, 'Leraar').getByRole('button', { name: /Open als beraad/ }).click();
    await page.waitForURL(/\/beraad\/[0-9a-f-]{36}/);
    await answerAll(page, { client_deceased: 'false', client_objects: 'false', presumed_consent_indications: 'false', referral_or_feedback: 'false', children_at_risk: 'false', client_is_suspected_perpetrator: 'false', recipient_is_suspected_perpetrator: 'false', child_protection_measure: 'none', request_from: 'none' }, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    assert.equal((await page.locator('.outcome').first().innerText()).trim(), 'U mag niet delen');
    assert.match(await page.locator('main').innerText(), /Vraag eerst toestemming/);
    assert.match(await page.locator('main').innerText(), /U beantwoordt de vragen als Jeugdhulpverlener/);
    assert.ok(await page.getByRole('link', { name: 'Koppel aan een cliënt om vast te leggen' }).isVisible());
    assert.equal(new URL(page.url()).origin, new URL(BASE).origin);
  }));
