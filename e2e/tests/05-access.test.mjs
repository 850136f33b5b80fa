// Journey 6: access control as the user sees it. Bram Kok (jeugdarts, no care relation with Noor
// Bakker) opens her dossier: "Geen toegang" with the emergency access form. With a reason he gets
// in, under an emergency banner. Dewi Smit (privacyfunctionaris) sees the grant under "Noodtoegang",
// both the refusal and the grant in the "Toegangslog", and marks the grant as reviewed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, withPage, login, mainText, clientId, shot } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

const REASON = 'Noor ligt op de SEH en de dienstdoende arts vraagt om haar medicatie (e2e-test).';

test('doorbraak: geen toegang zonder behandelrelatie, noodtoegang met reden, privacy officer ziet het', async () => {
  const noor = await withPage(b, 'access-id', async (page) => {
    await login(page, 'huisarts');
    return clientId(page, 'Noor Bakker');
  });

  await withPage(b, 'access-jeugd', async (page) => {
    await login(page, 'jeugd');
    assert.ok(!(await mainText(page)).includes('Noor Bakker'), 'Noor is not among Bram\'s clients');
    const resp = await page.goto(`${BASE}/clienten/${noor}`);
    assert.equal(resp.status(), 403);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    assert.match(await page.getByRole('alert').innerText(), /U heeft geen behandelrelatie met deze cliënt/);
    assert.ok(!(await mainText(page)).includes('Noor Bakker'), 'the refusal does not reveal the client');

    // The reason is required (the browser refuses an empty one) …
    const reason = page.getByLabel('Reden (verplicht)');
    await page.getByRole('button', { name: 'Noodtoegang nemen (4 uur)' }).click();
    assert.equal(await reason.evaluate((el) => el.validity.valid), false);
    assert.match(page.url(), new RegExp(`/clienten/${noor}$`));
    // … and with one Bram gets in, under a banner that says it is logged and reviewed.
    await reason.fill(REASON);
    await page.getByRole('button', { name: 'Noodtoegang nemen (4 uur)' }).click();
    await page.waitForURL(`${BASE}/clienten/${noor}`);
    await page.getByRole('heading', { level: 1, name: 'Dossier — Noor Bakker' }).waitFor();
    const banner = page.locator('.notice.bad');
    assert.match(await banner.innerText(), /^Noodtoegang\. U heeft geen behandelrelatie met deze cliënt\. Uw toegang is vastgelegd/);
  });

  await withPage(b, 'access-privacy', async (page) => {
    await login(page, 'privacy');
    await page.getByRole('link', { name: 'Noodtoegang' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await page.getByRole('status').innerText(), /^[1-9]\d* nog te beoordelen/);
    const row = page.getByRole('row').filter({ hasText: REASON });
    assert.equal(await row.count(), 1, 'the grant with its reason is listed');
    assert.match(await row.innerText(), /Bram Kok/);
    assert.match(await row.innerText(), /Noor Bakker/);
    assert.match(await row.innerText(), /actief/);
    await row.getByRole('button', { name: /Markeer als beoordeeld/ }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.match(await page.getByRole('row').filter({ hasText: REASON }).innerText(), /beoordeeld/);

    // The access log: the refusal and the grant, newest first; filter on the client.
    await page.getByRole('link', { name: 'Toegangslog' }).click();
    assert.match(await page.getByRole('status').innerText(), /keten intact/);
    await page.getByRole('row').filter({ hasText: 'Bram Kok' }).filter({ hasText: 'Noodtoegang genomen' }).first().waitFor();
    await page.getByRole('row').filter({ hasText: 'Bram Kok' }).filter({ hasText: 'Noor Bakker' }).filter({ hasText: 'geweigerd' }).first().waitFor();
    await page.getByRole('row').filter({ hasText: 'Noodtoegang genomen' }).first().getByRole('link', { name: 'Noor Bakker' }).click();
    await page.waitForURL(/\/toegangslog\?client=/);
    assert.equal(await page.locator('#clientnaam').inputValue(), 'Noor Bakker', 'the client filter shows the name, not the id');
    const rows = await page.locator('tbody tr').allInnerTexts();
    assert.ok(rows.length >= 2);
    assert.ok(rows.every((r) => r.includes('Noor Bakker')), 'the filter keeps only Noor\'s events');
    await shot(page, 'access-log');
  });
});
