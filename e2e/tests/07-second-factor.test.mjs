// Journey 8: the second factor (TOTP). A professional sets it up from their account (the test
// computes the codes from the secret shown on the page), signs out, and signs in with password
// and code; a half-signed-in browser reaches nothing else. A new administrator is made to set one
// up before anything else, then to replace the password the creating administrator chose (the
// same one is refused), and then signs in with a recovery code. axe on every new page, also at
// 390 px wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PASSWORD, launch, withPage, login, loginForm, axe, enrolSecondFactor, freshCode,
} from '../lib.mjs';

/** The password the new administrator chooses in place of the one they were given. */
const OWN_PASSWORD = 'fenna-eigen-wachtwoord-2026';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** axe at the normal width and at 390 px (a phone). */
async function scan(page, label, { phone = false } = {}) {
  await page.waitForLoadState('domcontentloaded');
  assert.deepEqual(await axe(page, label), [], `${label}: serious or critical axe violations (see the lines above)`);
  if (phone) {
    await page.setViewportSize({ width: 390, height: 844 });
    assert.deepEqual(await axe(page, `${label}, 390px`), [], `${label} at 390 px: axe violations`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.ok(!overflow, `${label}: the page scrolls sideways at 390 px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

async function signOut(page) {
  await page.getByRole('button', { name: /^(Uitloggen|Annuleren)$/ }).click();
  await page.waitForURL(/\/inloggen$/);
}

test('tweede factor: instellen vanuit het account, dan inloggen met wachtwoord en code', () =>
  withPage(b, 'second-factor-enrol', async (page) => {
    // Chantal (aandachtsfunctionaris) needs no second factor, but may set one up.
    await login(page, 'aandacht');
    await page.goto(`${BASE}/account/wachtwoord`);
    await page.getByRole('link', { name: /^Tweede factor/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tweede factor' }).waitFor();
    assert.equal(await page.getByRole('img', { name: /QR-code/ }).count(), 1, 'the QR code is an image with a name');
    assert.match(await page.locator('#geheim').innerText(), /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, 'the key in groups of four');
    await scan(page, 'second factor (set up)', { phone: true });

    await enrolSecondFactor(page, 'aandacht');
    await scan(page, 'second factor (recovery codes)', { phone: true });
    await page.getByRole('link', { name: /verder$/ }).click();
    await page.waitForURL(/\/clienten$/);
    await page.goto(`${BASE}/account/tweede-factor`);
    assert.match(await page.locator('main').innerText(), /staat aan/);
    assert.equal(await page.locator('ul.codes').count(), 0, 'recovery codes are shown only once');
    await scan(page, 'second factor (on)');
    await signOut(page);

    // The password alone leads to the code step, and nothing else is reachable.
    await loginForm(page, 'aandacht');
    await page.waitForURL(/\/inloggen\/code$/);
    for (const path of ['/clienten', '/beraad/nieuw', '/account/wachtwoord']) {
      await page.goto(`${BASE}${path}`);
      assert.match(page.url(), /\/inloggen\/code$/, `${path} is not reachable before the code`);
    }
    const api = await page.request.get(`${BASE}/api/v1/clienten`);
    assert.equal(api.status(), 401, 'the API refuses a half-signed-in session');
    await scan(page, 'sign-in code', { phone: true });
    await page.getByLabel('Code (6 cijfers)').fill('000000');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    assert.match(await page.getByRole('alert').innerText(), /^De code klopt niet/);
    assert.equal(await page.getByLabel('Code (6 cijfers)').getAttribute('aria-describedby'), 'fout');
    await scan(page, 'sign-in code (error)');
    await page.getByLabel('Code (6 cijfers)').fill(await freshCode('aandacht'));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL(/\/clienten$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
  }));

test('tweede factor: een nieuwe beheerder stelt die eerst in, en logt later in met een herstelcode', async () => {
  await withPage(b, 'second-factor-new-admin', async (page) => {
    await login(page, 'beheer');
    await page.goto(`${BASE}/beheer`);
    assert.equal(await page.getByRole('checkbox', { name: 'Tweede factor verplicht voor iedereen' }).count(), 1);
    await page.locator('summary', { hasText: 'Account toevoegen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Fenna Fictief');
    await page.getByLabel('Inlognaam').fill('beheer2');
    await page.getByLabel(/^Eerste wachtwoord/).fill(PASSWORD);
    await page.getByLabel('Rol in Grondslag').selectOption('administrator');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    assert.match(await page.getByRole('status').innerText(), /kan nu inloggen als beheer2/);
  });

  await withPage(b, 'second-factor-forced', async (page) => {
    await loginForm(page, 'beheer2');
    await page.waitForURL(/\/account\/tweede-factor$/);
    assert.match(await page.getByRole('status').innerText(), /verplicht/);
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), 0, 'no menu before the second factor is set up');
    await page.goto(`${BASE}/beheer`);
    assert.match(page.url(), /\/account\/tweede-factor$/, 'administration is not reachable before the second factor');
    await scan(page, 'second factor (required)', { phone: true });
    const codes = await enrolSecondFactor(page, 'beheer2');
    await page.getByRole('link', { name: /verder$/ }).click();

    // The password came from the administrator: an own one comes first, and must differ.
    await page.waitForURL(/\/account\/wachtwoord$/);
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), 0, 'no menu before an own password');
    await page.goto(`${BASE}/beheer`);
    assert.match(page.url(), /\/account\/wachtwoord$/, 'administration is not reachable before an own password');
    await page.getByRole('heading', { level: 1, name: 'Kies een eigen wachtwoord' }).waitFor();
    await scan(page, 'own password (required)', { phone: true });
    const choose = async (password) => {
      await page.getByLabel(/^Huidig wachtwoord/).fill(PASSWORD);
      await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
      await page.getByLabel('Nieuw wachtwoord (nog eens)').fill(password);
      await page.getByRole('button', { name: 'Eigen wachtwoord instellen' }).click();
    };
    await choose(PASSWORD);
    assert.match(await page.getByRole('alert').innerText(), /^Kies een ander wachtwoord/);
    await scan(page, 'own password (error)');
    await choose(OWN_PASSWORD);
    assert.match(await page.getByRole('status').innerText(), /^Uw eigen wachtwoord is ingesteld/);
    await page.getByRole('link', { name: 'Verder' }).click();
    await page.waitForURL(/\/beheer$/);
    await signOut(page);

    // The phone is lost: a recovery code signs in (once).
    await loginForm(page, 'beheer2', OWN_PASSWORD);
    await page.waitForURL(/\/inloggen\/code$/);
    await page.locator('summary', { hasText: 'Geen toegang tot uw app?' }).click();
    await page.getByLabel(/^Herstelcode/).fill(codes[0]);
    await page.getByRole('button', { name: 'Inloggen met herstelcode' }).click();
    await page.waitForURL(/\/beheer$/);
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
  });
});
