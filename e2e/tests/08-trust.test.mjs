// Trust in every click: what is recorded is what the professional saw. Recording is bound to
// the answer on screen; an answer changed in another tab, an unfinished deliberation, and a
// decision after the consent it relied on was withdrawn are each caught and explained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, withPage, login, mainText, answer, answerAll, clientId, startDeliberation, NOOR_ANSWERS, openDetails,
} from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b.close(); });

/** The number of rows on a client's timeline. */
async function timelineRows(page, id) {
  await page.goto(`${BASE}/clienten/${id}`);
  const table = page.getByRole('table', { name: 'Tijdlijn' });
  return (await table.count()) ? table.locator('tbody tr').count() : 0;
}

/** Registers a consent of Noor's for her informal carer through the form (legal tests unanswered at first). */
async function registerNoorConsent(page, id) {
  await page.goto(`${BASE}/clienten/${id}/toestemming`);
  for (const name of ['vrij', 'geinformeerd']) {
    for (const r of await page.locator(`input[type="radio"][name="${name}"]`).all()) {
      assert.equal(await r.isChecked(), false, `'${name}' starts unanswered`);
    }
  }
  for (const s of await page.locator('main details summary').all()) await s.click();
  await page.locator('input[name="ontvanger"][value="mantelzorger"]').check();
  await page.locator('input[name="gegevens"][value="health"]').check();
  await page.locator('input[name="doel"][value="inform_relatives"]').check();
  await page.locator('input[name="vorm"][value="oral"]').check();
  await page.locator('input[name="vrij"][value="ja"]').check();
  await page.locator('input[name="geinformeerd"][value="ja"]').check();
  await page.getByRole('button', { name: 'Toestemming registreren' }).click();
  await page.waitForURL(new RegExp(`/clienten/${id}`));
}

test('twee tabbladen: wat in het ene tabblad is gewijzigd, legt het andere niet ongezien vast', () =>
  withPage(b, 'two-tabs', async (page) => {
    await login(page, 'huisarts');
    const noor = await clientId(page, 'Noor Bakker');
    await registerNoorConsent(page, noor);
    const before = await timelineRows(page, noor);
    await startDeliberation(page, 'Noor Bakker');
    await answerAll(page, NOOR_ANSWERS, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    const answerUrl = page.url();

    // A second tab of the same deliberation changes which data would be shared.
    const tab = await page.context().newPage();
    await tab.goto(answerUrl);
    await tab.locator('summary', { hasText: 'Een antwoord wijzigen' }).click();
    await tab.getByRole('link', { name: 'wijzig Gegevens' }).click();
    await answer(tab, ['health', 'social']);
    await answerAll(tab, NOOR_ANSWERS, { skipToAnswer: true });
    await tab.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    await tab.close();

    // The first tab still shows the old answer; recording it is refused with the reason, and
    // the page now shows the current answer (with the changed data).
    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.match(await page.getByRole('alert').innerText(), /Niet vastgelegd: .*ander tabblad/);
    await openDetails(page);
    assert.match(await mainText(page), /sociale situatie/);
    assert.equal(await timelineRows(page, noor), before, 'nothing was recorded');

    // Recording the answer now on screen works.
    await page.goto(answerUrl);
    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.waitForURL(/\/besluit\?vastgelegd=1$/);
  }));

test('een onaf beraad kan niet worden vastgelegd, ook niet met een los verzoek', () =>
  withPage(b, 'unfinished', async (page) => {
    await login(page, 'huisarts');
    const noor = await clientId(page, 'Noor Bakker');
    const before = await timelineRows(page, noor);
    await startDeliberation(page, 'Noor Bakker');
    assert.equal(await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).count(), 0);
    const r = await page.request.post(`${page.url()}/vastleggen`, { form: { versie: 'x.y' }, headers: { Origin: BASE } });
    assert.equal(r.status(), 409);
    assert.match(await r.text(), /Niet vastgelegd: het antwoord staat nog niet vast/);
    assert.equal(await timelineRows(page, noor), before);
  }));

test('een besluit na intrekking van de toestemming waarschuwt', () =>
  withPage(b, 'decision-after-withdrawal', async (page) => {
    await login(page, 'huisarts');
    const noor = await clientId(page, 'Noor Bakker');
    await registerNoorConsent(page, noor);
    await startDeliberation(page, 'Noor Bakker');
    await answerAll(page, NOOR_ANSWERS, { skipToAnswer: true });
    assert.equal((await page.locator('.outcome').innerText()).trim(), 'U mag delen');
    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.waitForURL(/\/besluit\?vastgelegd=1$/);
    const decision = page.url().replace(/\?.*$/, '');
    assert.equal(await page.locator('#toestemming-ingetrokken').count(), 0, 'no warning while the consent holds');

    // Before the decision is recorded, the consent is withdrawn (every valid one, newest first).
    await page.goto(`${BASE}/clienten/${noor}`);
    const consents = page.getByRole('table', { name: 'Toestemmingen' });
    while (await consents.locator('summary', { hasText: 'Intrekken…' }).count()) {
      await consents.locator('summary', { hasText: 'Intrekken…' }).last().click();
      await consents.getByRole('button', { name: /Intrekken/ }).last().click();
      await page.waitForLoadState('domcontentloaded');
    }
    await page.goto(decision);
    assert.match(await page.getByRole('alert').innerText(), /toestemming waarop dit antwoord steunde .* is ingetrokken/);
    assert.ok(await page.getByRole('link', { name: 'Nieuw beraad' }).first().isVisible());
  }));
