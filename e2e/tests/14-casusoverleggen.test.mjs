// Journey 15: a casusoverleg that lasts. The wijkteammedewerker (Fatima) prepares a meeting
// about a family with the huisarts, the jeugdarts and the school, plans it under a pseudonym
// and invites the huisarts of her organisation. The huisarts (Anna) opens it from
// "Casusoverleggen", deliberates on sharing with the school in the dossier of her own client
// (Sam, 11): she may not, and the conference shows only that outcome. She adds to the minutes
// without names. The chair sees the outcome and the minutes, nothing of Sam. axe at 1280 and
// 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, withPage, login, axe, shot, answerAll } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

const TITLE = `Gezin H. ${Date.now() % 100000}`;
let conference = '';

test('casusoverleg plannen: voorbereiden, plannen onder een schuilnaam en de huisarts uitnodigen', () =>
  withPage(b, 'casusoverleg-plannen', async (page) => {
    await login(page, 'wijkteam');
    await page.goto(`${BASE}/casusoverleg`);
    await page.getByLabel(/Uw rol in dit overleg/).selectOption({ label: 'Wijkteammedewerker' });
    const table = page.getByRole('group', { name: 'Wie zitten er aan tafel?' });
    for (const name of [/^Huisarts$/, /^Jeugdarts$/, /^Leraar/]) await table.getByRole('checkbox', { name }).check();
    await page.getByRole('group', { name: 'Waarvoor is het overleg?' }).getByRole('radio', { name: /^zorg of hulp voor deze cliënt/ }).check();
    await page.getByRole('button', { name: 'Toon per deelnemer' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dit overleg plannen en deelnemers uitnodigen' }).waitFor();

    await page.getByLabel(/Schuilnaam van het overleg/).fill(TITLE);
    await page.getByLabel('Datum van het overleg').fill('2026-12-10');
    await page.getByLabel(/Organisatie van Leraar/).fill('Basisschool De Linde');
    await page.getByLabel(/Werkafspraak of convenant/).fill('Convenant wijkteam en scholen 2025');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    conference = new URL(page.url()).pathname;
    assert.match(await page.locator('main').innerText(), /Een convenant of samenwerkingsafspraak is nooit zelf een grond/);

    const seat = page.getByRole('list', { name: 'Aan tafel' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^Huisarts/ }) });
    await seat.getByLabel(/Uitnodigen/).selectOption({ label: 'Anna de Vries' });
    await seat.getByRole('button', { name: /Opslaan/ }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.match(await page.getByRole('list', { name: 'Aan tafel' }).innerText(), /Anna de Vries/);
    assert.deepEqual(await axe(page, 'casusoverleg (gepland)'), []);
  }));

test('casusoverleg: de huisarts beraadt zich in haar eigen dossier; aan tafel alleen de uitkomst', () =>
  withPage(b, 'casusoverleg-deelnemer', async (page) => {
    assert.ok(conference, 'the conference was planned');
    await login(page, 'huisarts');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casusoverleggen' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByLabel('Over welke cliënt van u gaat uw beraad?').selectOption({ label: 'Sam Jansen (02-03-2015)' });
    await page.getByRole('button', { name: /Beraad starten.*Leraar/ }).click();
    await page.waitForURL(/\/beraad\/[0-9a-f-]{36}/);
    assert.match(await page.locator('main').innerText(), /Dit beraad is voor het casusoverleg/);
    const facts = { recipient_in_treatment_relation: 'false', data_categories: ['health'], client_deceased: 'false', client_age: '11', client_competent: 'false', danger: 'none', suspicion_domestic_violence_or_child_abuse: 'false', client_objects: 'false', child_protection_measure: 'none', presumed_consent_indications: 'false', referral_or_feedback: 'false', children_at_risk: 'false', client_is_suspected_perpetrator: 'false', recipient_is_suspected_perpetrator: 'false', consent: 'not_asked' };
    await answerAll(page, facts, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    assert.equal((await page.locator('.outcome').first().innerText()).trim(), 'U mag niet delen');
    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /Uw beraad staat in het dossier van uw cliënt/);
    assert.match(main, /Geen informatie over de cliënt aan deze tafel: geen grond tegenover Leraar/);
    assert.match(main, /Delen met Leraar[^\n]*mag niet delen/);
    assert.ok(await page.getByRole('link', { name: /Verder met het beraad over delen met/ }).isVisible());

    // Identifying words are refused; without names, marked so, they go in.
    await page.getByLabel('Uw bijdrage').fill('Onze praktijk werkt met een vaste contactpersoon voor het wijkteam.');
    await page.getByRole('checkbox', { name: /Mijn bijdrage bevat geen informatie over de cliënt/ }).check();
    await page.getByRole('button', { name: 'Toevoegen aan het verslag' }).click();
    await page.getByRole('heading', { level: 2, name: 'Verslag' }).waitFor();
    assert.match(await page.locator('#verslag').locator('..').innerText(), /zonder informatie over de cliënt/);
    assert.deepEqual(await axe(page, 'casusoverleg (deelnemer)'), []);
    await shot(page, 'casusoverleg-deelnemer');
    await page.setViewportSize({ width: 390, height: 844 });
    assert.deepEqual(await axe(page, 'casusoverleg (deelnemer, 390 px)'), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${overflow} px)`);
  }));

test('casusoverleg: de voorzitter ziet de uitkomst en het verslag, niets van de cliënt', () =>
  withPage(b, 'casusoverleg-voorzitter', async (page) => {
    await login(page, 'wijkteam');
    await page.goto(`${BASE}${conference}`);
    const main = await page.locator('main').innerText();
    assert.match(main, /Delen met Leraar[^\n]*: mag niet delen/);
    assert.ok(!main.includes('U mag niet delen'), "another participant's answer is not worded as the chair's");
    assert.match(main, /Onze praktijk werkt met een vaste contactpersoon voor het wijkteam/);
    for (const secret of ['Sam', 'Jansen', 'DEMO-1001']) assert.ok(!main.includes(secret), `the chair sees ${secret}`);
  }));
