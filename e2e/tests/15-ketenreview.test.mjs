// Journey 16: a chain review after a family drama (seed 001, case B). The jeugdarts of the GGD
// (Bram) plans it as a casusoverleg with the review commission, the huisarts of his
// organisation (Anna, invited), the police, Veilig Thuis and the GGZ psychiatrist from outside.
// Anna answers for the commission's seat in the dossier of her (deceased) patient: she may not
// share; she adds what identifies nobody. The public version holds no pseudonym, organisation,
// name or exact date, and lists what the Woo asks before publishing, its uncertainty shown.
// axe on the conference and the public version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, withPage, login, axe, shot, answerAll } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

const TITLE = `Review gezin De W. ${Date.now() % 100000}`;
let conference = '';

test('ketenreview plannen: vijf partijen, de huisarts uitgenodigd', () =>
  withPage(b, 'ketenreview-plannen', async (page) => {
    await login(page, 'jeugd');
    await page.goto(`${BASE}/casusoverleg`);
    await page.getByLabel(/Uw rol in dit overleg/).selectOption({ label: 'Jeugdarts' });
    const table = page.getByRole('group', { name: 'Wie zitten er aan tafel?' });
    for (const name of [/^Review- of calamiteitencommissie/, /^Huisarts$/, /^Politie/, /^Veilig Thuis/, /^Psychiater/]) await table.getByRole('checkbox', { name }).check();
    await page.getByRole('group', { name: 'Waarvoor is het overleg?' }).getByRole('radio', { name: /^achteraf leren/ }).check();
    await page.getByRole('button', { name: 'Toon per deelnemer' }).click();
    await page.getByLabel(/Schuilnaam van het overleg/).fill(TITLE);
    await page.getByLabel('Datum van het overleg').fill('2027-03-14');
    await page.getByLabel('Uw organisatie (optioneel)').fill('GGD Noordoost');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    conference = new URL(page.url()).pathname;
    const seat = page.getByRole('list', { name: 'Aan tafel' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /^Huisarts/ }) });
    await seat.getByLabel(/Uitnodigen/).selectOption({ label: 'Anna de Vries' });
    await seat.getByRole('button', { name: /Opslaan/ }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  }));

test('ketenreview: de huisarts beraadt zich voor de commissie en brengt alleen niet-herleidbaars in; de openbare versie', () =>
  withPage(b, 'ketenreview-openbaar', async (page) => {
    assert.ok(conference, 'the review was planned');
    await login(page, 'huisarts');
    await page.goto(`${BASE}${conference}`);
    await page.getByLabel('Over welke cliënt van u gaat uw beraad?').selectOption({ label: 'Daan Visser (05-01-1950)' });
    await page.getByRole('button', { name: /Beraad starten.*Review- of calamiteitencommissie/ }).click();
    await page.waitForURL(/\/beraad\/[0-9a-f-]{36}/);
    const facts = { recipient_in_treatment_relation: 'false', review_within_own_organisation: 'false', data_categories: ['health'], client_deceased: 'true', unnatural_death: 'true', client_age: '76', client_competent: 'false', danger: 'none', suspicion_domestic_violence_or_child_abuse: 'true', client_is_suspected_perpetrator: 'false', recipient_is_suspected_perpetrator: 'false', children_at_risk: 'false', client_objects: 'false', presumed_consent_indications: 'false', referral_or_feedback: 'false', child_protection_measure: 'none', consent: 'cannot_be_asked' };
    await answerAll(page, facts, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    assert.equal((await page.locator('.outcome').first().innerText()).trim(), 'U mag niet delen');
    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByLabel('Uw bijdrage').fill('De praktijk had in het laatste halfjaar twee contacten met ketenpartners.');
    await page.getByRole('checkbox', { name: /Mijn bijdrage bevat geen informatie over de cliënt/ }).check();
    await page.getByRole('button', { name: 'Toevoegen aan het verslag' }).click();
    await page.getByRole('heading', { level: 2, name: 'Verslag' }).waitFor();
    assert.deepEqual(await axe(page, 'ketenreview'), []);

    await page.getByRole('link', { name: /Openbare versie/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Openbare versie' }).waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /maart 2027/);
    for (const hidden of [TITLE, 'GGD Noordoost', 'Daan', 'Visser', '14-03-2027']) assert.ok(!main.includes(hidden), `the public version shows ${hidden}`);
    assert.match(main, /De praktijk had in het laatste halfjaar twee contacten met ketenpartners/);
    assert.match(main, /Review- of calamiteitencommissie: mag niet delen/);
    assert.match(main, /art\. 5\.1 lid 1 Woo/);
    assert.match(main, /Onzeker/);
    assert.deepEqual(await axe(page, 'ketenreview (openbare versie)'), []);
    await shot(page, 'ketenreview-openbaar');
  }));
