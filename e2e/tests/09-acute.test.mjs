// Journey 11: acute danger. From anywhere — here the first question of a deliberation, and the
// login page for someone not signed in — one click on "Acuut gevaar?" in the header reaches the
// page with 112 and Veilig Thuis; the keyboard reaches that link right after the brand. axe on
// the page, also at phone width and in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, withPage, login, startDeliberation, mainText, axe } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

async function onAcutePage(page) {
  await page.waitForURL(/\/acuut$/);
  await page.getByRole('heading', { level: 1, name: 'Acuut gevaar' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Bel 112' }).getAttribute('href'), 'tel:112');
  assert.equal(await page.getByRole('link', { name: 'Bel Veilig Thuis: 0800-2000' }).getAttribute('href'), 'tel:08002000');
}

test('acuut gevaar: vanuit een vraag van het beraad in één klik naar 112 en Veilig Thuis', () =>
  withPage(b, 'acute-from-question', async (page) => {
    await login(page, 'huisarts');
    await startDeliberation(page, 'Noor Bakker');
    await page.getByRole('link', { name: 'Acuut gevaar?' }).click();
    await onAcutePage(page);
    const text = await mainText(page);
    assert.match(text, /meldrecht/);
    assert.match(text, /Leg in het dossier van de cliënt vast/);
    assert.deepEqual(await axe(page, 'acute'), []);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    assert.deepEqual(await axe(page, 'acute (390 px)'), []);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acute danger' }).waitFor();
    assert.deepEqual(await axe(page, 'acute (English)'), []);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acuut gevaar' }).waitFor();
  }));

test('acuut gevaar: zonder in te loggen, met het toetsenbord direct na het logo', () =>
  withPage(b, 'acute-keyboard', async (page) => {
    await page.goto(`${BASE}/inloggen`);
    // From the brand (the first stop after the skip link), the next Tab stop is the link.
    await page.getByRole('link', { name: 'Grondslag', exact: true }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Acuut gevaar?');
    await Promise.all([page.waitForURL(/\/acuut$/), page.keyboard.press('Enter')]);
    await onAcutePage(page);
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), 0, 'signed out: no menu');
  }));
