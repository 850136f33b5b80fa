// Journeys 2 and 3 (in this order, in one file, because 3 changes Noor Bakker's consent):
// a full deliberation for Noor Bakker through the real form controls to a recorded decision,
// then withdrawing her consent and seeing the same deliberation answered differently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, withPage, login, mainText, currentFact, answer, answerAll, controlKind, clientId,
  NOOR_ANSWERS, shot, DRAFT_URL, openDetails,
} from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** From Noor's dossier page: "Nieuw beraad", Noor is preselected, start. */
async function startFromNoor(page) {
  const id = await clientId(page, 'Noor Bakker');
  await page.getByRole('link', { name: 'Noor Bakker', exact: true }).click();
  await page.waitForURL(`${BASE}/clienten/${id}`);
  await page.locator('main').getByRole('link', { name: 'Nieuw beraad' }).click();
  assert.ok(await page.getByRole('radio', { name: /^Noor Bakker/ }).isChecked(), 'Noor is preselected');
  await page.getByRole('button', { name: 'Start het beraad' }).click();
  await page.waitForURL(DRAFT_URL);
  assert.ok((await mainText(page)).includes('Beraad over Noor Bakker'));
  return id;
}

test('beraad voor Noor Bakker: vragen, waarom, vorige vraag, wijzig, antwoord in twee lagen, vastleggen en besluit', () =>
  withPage(b, 'noor-deliberation', async (page) => {
    await login(page, 'huisarts');
    const id = await startFromNoor(page);

    // Question 1 (the GP's own role is already filled in): who would receive it — a <select>.
    assert.equal(await currentFact(page), 'recipient_role');
    assert.equal(await controlKind(page), 'select');
    const progress = await page.locator('.progress').innerText();
    assert.match(progress, /^Vraag 1 van hoogstens \d+/, 'the own role is not a question; the page says how many at most remain');

    // "Waarom vraag ik dit?" is closed until opened, and then shows the reason and a source link.
    const why = page.locator('details.why');
    assert.equal(await why.getAttribute('open'), null);
    await why.locator('summary').click();
    assert.notEqual(await why.getAttribute('open'), null);
    const src = why.getByRole('link').first();
    assert.ok(await src.isVisible(), 'a source link is visible');
    assert.match(await src.getAttribute('href'), /^https:\/\//);
    assert.match(await why.innerText(), /Bron:/);
    await shot(page, 'question');

    await answer(page, NOOR_ANSWERS.recipient_role);
    assert.equal(await currentFact(page), 'request_from');
    await answer(page, NOOR_ANSWERS.request_from);
    const third = await currentFact(page);

    // "Vorige vraag" undoes the last answer: the question comes back, and the answer is no
    // longer among "Uw antwoorden tot nu toe".
    assert.ok((await mainText(page)).includes('Verzoek van'));
    await page.getByRole('button', { name: 'Vorige vraag' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await currentFact(page), 'request_from');
    assert.ok(!(await page.getByRole('region', { name: 'Uw antwoorden tot nu toe' }).innerText()).includes('Verzoek van'));
    await answer(page, NOOR_ANSWERS.request_from);
    assert.equal(await currentFact(page), third);

    // Answer with one data category too many (her consent covers her health only), then, at
    // the next question, take it back through "wijzig" in "Uw antwoorden tot nu toe".
    const kinds = new Set();
    let changed = false;
    await answerAll(page, { ...NOOR_ANSWERS, data_categories: ['health', 'social'] }, {
      onQuestion: async (fact) => {
        kinds.add(await controlKind(page));
        if (!changed && fact !== 'data_categories' && (await page.getByRole('link', { name: 'wijzig Gegevens' }).count())) {
          changed = true;
          await page.getByRole('link', { name: 'wijzig Gegevens' }).click();
          assert.ok((await page.locator('.progress').innerText()).includes('Antwoord wijzigen'));
          const social = page.locator('input[type=checkbox][value=social]');
          assert.ok(await social.isChecked(), 'the earlier answer is preselected');
          await social.uncheck();
          await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
          await page.waitForLoadState('domcontentloaded');
          return true;
        }
        return false;
      },
    });
    assert.ok(changed, 'the data categories were changed through "wijzig"');
    for (const k of ['radio', 'checkbox']) assert.ok(kinds.has(k), `a ${k} question was answered (saw ${[...kinds]})`);

    // The answer: both layers, sources, the consent registry, the changed answer.
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    assert.equal((await page.locator('.outcome').innerText()).trim(), 'U mag delen');
    // One screen first: the outcome, the main conditions and the next step; the rest is folded.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('section.summary').boundingBox();
    assert.ok(box && box.y + box.height <= 800, `the summary fits one 1280×800 screen (it ends at ${box && box.y + box.height} px)`);
    assert.equal(await page.getByRole('heading', { name: 'Het antwoord' }).count(), 1, '"Het antwoord" once');
    assert.ok(await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).isVisible());
    assert.equal(await page.getByRole('heading', { name: /Laag 1 — beroepsgeheim/ }).isVisible(), false);
    await openDetails(page);
    await page.getByRole('heading', { name: /Laag 1 — beroepsgeheim/ }).waitFor();
    await page.getByRole('heading', { name: /Laag 2 — AVG/ }).waitFor();
    const text = await mainText(page);
    assert.ok(text.includes('Toestemming:'), 'the consent registry is consulted');
    assert.ok(text.includes('Gewijzigde antwoorden'), 'the revision is shown');
    const sources = page.getByRole('region', { name: 'Bronnen' }).getByRole('link');
    assert.ok((await sources.count()) >= 2, 'the answer cites sources');
    assert.match(await sources.first().getAttribute('href'), /^https:\/\//);
    await shot(page, 'answer');

    // Record it: the decision page confirms with a receipt.
    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.waitForURL(new RegExp(`/clienten/${id}/beraad/\\d+/besluit\\?vastgelegd=1$`));
    const status = page.getByRole('status');
    assert.match(await status.innerText(), /Vastgelegd in het dossier — kan niet meer ongemerkt worden gewijzigd/);
    assert.ok(await status.getByRole('link', { name: 'Bewijs van vastlegging' }).isVisible());
    assert.match(await mainText(page), /Beraad \d+: U mag delen/);
    assert.equal(await page.getByLabel('Met wie').inputValue(), 'Mantelzorger');

    await page.getByRole('group', { name: 'Heeft u gedeeld (of gaat u delen)?' }).getByLabel('Ja').check();
    await page.getByLabel('Wat (alleen wat nodig is)').fill('Dat Noor herstelt van een operatie en hulp nodig heeft bij het aankleden.');
    await page.getByRole('group', { name: 'Is de cliënt geïnformeerd?' }).getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Zo ja: wanneer en hoe').fill('Mondeling tijdens het consult van vandaag');
    await shot(page, 'decision');
    await page.getByLabel('Uw redenen').fill('Noor vroeg zelf haar mantelzorger te informeren; haar toestemming staat in het register.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();

    // The recorded entry, with its receipt.
    await page.waitForURL(/\/dossier\/\d+\?vastgelegd=1$/);
    assert.match(await page.getByRole('status').innerText(), /^Vastgelegd — kan niet meer ongemerkt worden gewijzigd/);
    const entry = await mainText(page);
    assert.ok(entry.includes('Noor vroeg zelf haar mantelzorger te informeren'));
    assert.ok(entry.includes('Mondeling tijdens het consult van vandaag'));

    // Back in the dossier both entries are on the timeline, and the dossier verifies.
    await page.getByRole('link', { name: 'Terug naar het dossier' }).click();
    const timeline = await page.getByRole('table', { name: 'Tijdlijn' }).innerText();
    assert.match(timeline, /Besluit|besluit/);
    assert.match(timeline, /U mag delen/);
    assert.match(await page.getByRole('status').first().innerText(), /gecontroleerd/);

    // The deliberation entry opens as its report, with the receipt.
    const row = page.getByRole('table', { name: 'Tijdlijn' }).getByRole('row').filter({ hasText: 'besluit vastgelegd in regel' });
    await row.getByRole('link', { name: /^\d+$/ }).click();
    await page.getByRole('heading', { name: 'Bewijs van vastlegging' }).waitFor();
    assert.equal((await page.locator('.outcome').innerText()).trim(), 'U mag delen');
    // The proof of recording reads as text, with the file as a download.
    await page.getByRole('link', { name: 'Het bewijs bekijken of downloaden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bewijs van vastlegging' }).waitFor();
    assert.match(await mainText(page), /kan niet meer ongemerkt worden gewijzigd/);
    assert.ok(await page.getByRole('link', { name: 'Bewijs downloaden (bestand)' }).isVisible());
  }));

test('toestemming intrekken verandert het antwoord: daarna mag niet meer gedeeld worden', () =>
  withPage(b, 'noor-withdraw', async (page) => {
    await login(page, 'huisarts');
    const id = await clientId(page, 'Noor Bakker');
    await page.goto(`${BASE}/clienten/${id}`);
    const consents = page.getByRole('table', { name: 'Toestemmingen' });
    assert.match(await consents.innerText(), /Mantelzorger/);
    assert.match(await consents.innerText(), /geldig/);
    await shot(page, 'dossier');

    await consents.locator('summary', { hasText: 'Intrekken…' }).first().click();
    await consents.getByLabel('Toelichting (optioneel)').first().fill('Noor trekt haar toestemming in (e2e).');
    await consents.getByRole('button', { name: /^Intrekken/ }).first().click();
    await page.waitForURL(/\/clienten\/[^/]+(\?.*)?$/);
    assert.match(await page.getByRole('table', { name: 'Toestemmingen' }).innerText(), /ingetrokken per \d{2}-\d{2}-\d{4}/);
    assert.match(await page.getByRole('table', { name: 'Tijdlijn' }).innerText(), /[Ii]ntrekking|ingetrokken/);

    await startFromNoor(page);
    await answerAll(page, NOOR_ANSWERS, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    const outcome = (await page.locator('.outcome').innerText()).trim();
    assert.equal(outcome, 'U mag niet delen');
    assert.match(await mainText(page), /Toestemming:/);
  }));
