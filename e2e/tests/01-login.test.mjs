// Journey 1: signing in (a wrong password gives a Dutch error, the right one lands on
// "Mijn cliënten"), and the English switch in the header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, launch, withPage, loginForm, mainText } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

test('inloggen: fout wachtwoord geeft een Nederlandse foutmelding, goed wachtwoord opent Mijn cliënten', () =>
  withPage(b, 'login', async (page) => {
    await page.goto(`${BASE}/`);
    assert.match(page.url(), /\/inloggen$/, 'signed-out visitors are sent to the login page');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Inloggen bij Grondslag' }).waitFor());

    await loginForm(page, 'huisarts', 'niet-het-wachtwoord');
    const error = page.getByRole('alert');
    assert.equal(await error.innerText(), 'Inlognaam of wachtwoord klopt niet, of het account is geblokkeerd.');
    // The login name is kept, the password is not, and the field points at the message.
    assert.equal(await page.getByLabel('Inlognaam').inputValue(), 'huisarts');
    assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '');
    assert.equal(await page.getByLabel('Inlognaam').getAttribute('aria-describedby'), 'fout');

    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/clienten$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
    const text = await mainText(page);
    for (const name of ['Sam Jansen', 'Noor Bakker', 'Daan Visser']) assert.ok(text.includes(name), `${name} is listed`);
    assert.ok(!text.includes('Lotte de Boer'), 'a client without a care relation is not listed');
    assert.equal(await page.getByRole('link', { name: 'Mijn cliënten' }).getAttribute('aria-current'), 'page');
    assert.ok((await page.locator('header').innerText()).includes('Anna de Vries'));

    // Signing out ends the session.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/inloggen$/);
    await page.goto(`${BASE}/clienten`);
    assert.match(page.url(), /\/inloggen$/);
  }));

test('taalkeuze: de knop English in de kop schakelt naar Engels en terug', () =>
  withPage(b, 'english', async (page) => {
    await page.goto(`${BASE}/inloggen`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForURL(/\/inloggen$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Grondslag' }).waitFor();
    assert.equal(await page.getByLabel('Login name').count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Skip to content' }).count(), 1);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij Grondslag' }).waitFor();
  }));

test('in het Engels: ook foutmeldingen en dossierregels zijn Engels', () =>
  withPage(b, 'english-texts', async (page) => {
    await page.goto(`${BASE}/inloggen`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Grondslag' }).waitFor();
    await page.getByLabel('Login name').fill('huisarts');
    await page.getByLabel('Password').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(await page.getByRole('alert').innerText(), 'The login name or password is incorrect, or the account is blocked.');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/clienten$/);
    await page.getByRole('link', { name: 'Noor Bakker', exact: true }).click();
    await page.waitForURL(/\/clienten\/[0-9a-f-]{36}$/);
    // The dossier's entries are summarised in the reader's language, the consent's recipients too.
    const text = await mainText(page);
    assert.match(text, /Consent of .+ for /, 'the registered consent is summarised in English');
    assert.ok(!/Toestemming van |Beraad: /.test(text), 'no Dutch summary on the English page');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    assert.match(await mainText(page), /Toestemming van .+ voor /);
  }));
