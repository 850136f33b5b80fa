// Journey 8: finding things. Anna de Vries (huisarts) finds Noor Bakker by part of her name,
// finds her unfinished deliberation again and discards it. Dewi Smit (privacyfunctionaris)
// filters the access log by a colleague's name and a period, then by a client's name, and
// downloads the filtered log as CSV (which is itself logged). Every new page is scanned with
// axe at 1280 and at 390 pixels wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { BASE, launch, withPage, login, axe, startDeliberation, shot } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** No serious or critical axe violations, at the desktop width and at 390 px. */
async function scanBoth(page, label) {
  assert.deepEqual(await axe(page, label), [], `${label}: axe violations (see above)`);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  assert.deepEqual(await axe(page, `${label} (390px)`), [], `${label} (390px): axe violations (see above)`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, `${label}: the page scrolls sideways at 390px`);
  await page.setViewportSize(size);
}

/** Today in Dutch time as YYYY-MM-DD (what a date field holds). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

test('zoeken: Anna vindt Noor op een deel van haar naam', async () => {
  await withPage(b, 'find-client', async (page) => {
    await login(page, 'huisarts');
    await page.goto(`${BASE}/clienten`);
    const search = page.getByRole('search');
    await search.getByLabel('Naam of deel van de naam').fill('bakk');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\/clienten\?naam=bakk/);
    assert.match(await page.getByRole('status').innerText(), /^1 cliënt gevonden/);
    const rows = await page.locator('tbody tr').allInnerTexts();
    assert.equal(rows.length, 1);
    assert.match(rows[0], /Noor Bakker/);
    assert.match(rows[0], /19-07-1984/, 'the date of birth in Dutch notation');
    assert.equal(await search.getByLabel('Naam of deel van de naam').inputValue(), 'bakk');
    await scanBoth(page, 'clients (search results)');
    await shot(page, 'client-search');
    // Lotte is in the organisation, but not Anna's client: not found.
    await search.getByLabel('Naam of deel van de naam').fill('Lotte');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/naam=Lotte/);
    assert.match(await page.getByRole('status').innerText(), /^0 cliënten gevonden/);
    // A date that is no date: a message, linked to nothing in the list.
    await search.getByLabel('Naam of deel van de naam').fill('');
    await search.getByLabel(/^Geboortedatum/).fill('31-02-1984');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /geen geldige datum/);
    await scanBoth(page, 'clients (search error)');
  });
});

test('onafgemaakte beraden: terugvinden, verder gaan, weggooien', async () => {
  await withPage(b, 'drafts', async (page) => {
    await login(page, 'huisarts');
    await startDeliberation(page, 'Daan Visser');
    const draft = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Onafgemaakte beraden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn onafgemaakte beraden' }).waitFor();
    // Earlier journeys may have left other deliberations about Daan: this one is found by its link.
    const rowOf = () => page.locator('tbody tr', { has: page.locator(`a[href="${draft}"]`) });
    const row = rowOf();
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Daan Visser/);
    assert.match(await row.innerText(), /\d{2}-\d{2}-\d{4} \d{2}:\d{2}/, 'the last change in Dutch notation');
    await scanBoth(page, 'unfinished deliberations');
    await row.getByRole('link', { name: /^Verder gaan/ }).click();
    await page.waitForURL(`${BASE}${draft}`);
    await page.goBack();
    await rowOf().getByRole('link', { name: /^Weggooien/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Onafgemaakt beraad weggooien?' }).waitFor();
    await scanBoth(page, 'discard a deliberation');
    await page.getByRole('button', { name: 'Ja, weggooien' }).click();
    await page.getByRole('status').filter({ hasText: 'is weggegooid' }).waitFor();
    assert.equal(await rowOf().count(), 0, 'the discarded deliberation is gone');
    const gone = await page.goto(`${BASE}${draft}`);
    assert.equal(gone.status(), 404);
  });
});

test('toegangslog: filteren op naam en periode, dan op cliënt, en downloaden als CSV', async () => {
  // Something to find: Anna opens Noor's dossier.
  await withPage(b, 'log-anna', async (page) => {
    await login(page, 'huisarts');
    await page.goto(`${BASE}/clienten`);
    await page.getByRole('link', { name: 'Noor Bakker', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Noor Bakker/ }).waitFor();
  });
  await withPage(b, 'log-privacy', async (page) => {
    await login(page, 'privacy');
    await page.goto(`${BASE}/toegangslog`);
    await page.getByLabel('Persoon').selectOption({ label: 'Anna de Vries (professional)' });
    await page.getByLabel('Vanaf datum').fill(today());
    await page.getByLabel('Tot en met datum').fill(today());
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/gebruiker=.*van=/);
    let rows = await page.locator('tbody tr').allInnerTexts();
    assert.ok(rows.length >= 1, 'Anna\'s events of today are listed');
    assert.ok(rows.every((r) => r.includes('Anna de Vries')), 'only Anna\'s events');
    assert.ok(rows.some((r) => r.includes('Dossier ingezien') && r.includes('Noor Bakker')), 'with readable labels');
    await scanBoth(page, 'access log (filtered)');

    // Then by client name as well: resolved on the server, shown by name.
    await page.locator('#clientnaam').fill('noor');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/clientnaam=noor/);
    assert.equal(await page.locator('#clientnaam').inputValue(), 'Noor Bakker');
    rows = await page.locator('tbody tr').allInnerTexts();
    assert.ok(rows.length >= 1 && rows.every((r) => r.includes('Noor Bakker') && r.includes('Anna de Vries')));
    await shot(page, 'access-log-filtered');

    // The download: the same events, as CSV with Dutch headers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download als CSV/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^toegangslog-\d{2}-\d{2}-\d{4}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter((l) => l);
    assert.match(lines[0], /^Volgnummer;Tijdstip \(Nederlandse tijd\);Wie;/);
    assert.ok(lines.length >= 2, 'events in the CSV');
    assert.ok(lines.slice(1).every((l) => l.includes('Anna de Vries') && l.includes('Noor Bakker')), csv);

    // A name that fits several clients asks which one; a period the wrong way round is refused.
    await page.locator('#clientnaam').fill('a');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('heading', { name: 'Welke cliënt bedoelt u?' }).waitFor();
    await scanBoth(page, 'access log (which client?)');
    await page.getByRole('link', { name: /^Sam Jansen/ }).click();
    assert.equal(await page.locator('#clientnaam').inputValue(), 'Sam Jansen');
    await page.getByLabel('Vanaf datum').fill('2026-02-01');
    await page.getByLabel('Tot en met datum').fill('2026-01-01');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('alert').filter({ hasText: 'begindatum ligt na de einddatum' }).waitFor();
    await scanBoth(page, 'access log (filter error)');

    // The download is itself in the log.
    await page.goto(`${BASE}/toegangslog`);
    await page.getByRole('row').filter({ hasText: 'Toegangslog gedownload (CSV)' }).first().waitFor();
    await scanBoth(page, 'access log');
  });
});

test('foutpagina: met het menu, in het Engels wanneer gekozen', async () => {
  await withPage(b, 'error-page', async (page) => {
    await login(page, 'huisarts');
    await page.goto(`${BASE}/clienten`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My clients' }).waitFor();
    const resp = await page.goto(`${BASE}/bestaat-niet`);
    assert.equal(resp.status(), 404);
    await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My clients' }).waitFor();
    await scanBoth(page, 'error page (404, English)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
});
