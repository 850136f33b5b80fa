// Journey 12: the case library. A huisarts opens "Voorbeelden" from the main menu, narrows the
// list to examples where Veilig Thuis receives the information, opens one worked example (the
// situation, Grondslag's answer beside the source's, the source linked), and opens it as a new
// deliberation: the answer shows at once, marked as coming from the example, every answer
// changeable. axe on every page, also at phone width (390 px) and in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, withPage, login, mainText, axe, shot, openDetails } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** "12 van 230 voorbeelden" → [12, 230]. */
async function counted(page) {
  const text = await page.getByRole('heading', { level: 2, name: /van \d+ voorbeelden/ }).innerText();
  const [, n, total] = text.match(/(\d+) van (\d+) voorbeelden/);
  return [Number(n), Number(total)];
}

test('voorbeelden: bladeren, filteren op ontvanger, een voorbeeld openen en als nieuw beraad beginnen', () =>
  withPage(b, 'cases', async (page) => {
    await login(page, 'huisarts');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kennisbank' }).click();
    await page.getByRole('link', { name: /Uitgewerkte voorbeelden/ }).click();
    await page.waitForURL(/\/voorbeelden$/);
    await page.getByRole('heading', { level: 1, name: 'Voorbeelden' }).waitFor();
    const [all, total] = await counted(page);
    assert.equal(all, total);
    assert.ok(total >= 230, `${total} examples`);
    assert.equal(await page.locator('main ul.cases > li').count(), total);
    assert.deepEqual(await axe(page, 'cases'), []);
    await shot(page, 'voorbeelden');

    // Filter by recipient: every example left is one where Veilig Thuis receives it.
    await page.getByLabel('Met wie').selectOption({ label: 'Veilig Thuis' });
    await page.getByRole('button', { name: 'Toon voorbeelden' }).click();
    await page.waitForURL(/ontvanger=veilig_thuis/);
    const [narrowed] = await counted(page);
    assert.ok(narrowed > 0 && narrowed < total, `${narrowed} of ${total}`);
    const recipients = await page.locator('main ul.cases > li dl').evaluateAll((dls) =>
      dls.map((dl) => [...dl.querySelectorAll('dt')].find((dt) => dt.textContent === 'Met wie').nextElementSibling.textContent));
    assert.equal(recipients.length, narrowed);
    assert.ok(recipients.every((r) => r === 'Veilig Thuis'), recipients.join(', '));
    assert.equal(await page.getByLabel('Met wie').inputValue(), 'veilig_thuis', 'the filter stays chosen');
    assert.deepEqual(await axe(page, 'cases (filtered)'), []);

    // One worked example.
    const first = page.locator('main ul.cases > li h3 a').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Het antwoord van Grondslag' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Het antwoord van de bron' }).waitFor();
    const text = await mainText(page);
    assert.match(text, /Met wie\s*Veilig Thuis|Ontvanger\s*Veilig Thuis/);
    assert.match(text, /Grondslag geeft hetzelfde antwoord als de bron\./);
    const sourceLinks = page.locator('main ul.sources a[href^="http"]');
    assert.ok(await sourceLinks.count() > 0, 'the source of the expected answer is linked');
    assert.deepEqual(await axe(page, 'case'), []);
    await openDetails(page);
    assert.deepEqual(await axe(page, 'case (details open)'), []);
    await shot(page, 'voorbeeld');
    const example = page.url();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    assert.deepEqual(await axe(page, 'case (390 px)'), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow} px too wide)`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: "Grondslag's answer" }).waitFor();
    assert.deepEqual(await axe(page, 'case (English)'), []);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 2, name: 'Het antwoord van Grondslag' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(page.url(), example);

    // Open it as a new deliberation: the answer, marked as the example's, each answer changeable.
    await page.getByRole('button', { name: 'Open als nieuw beraad' }).click();
    await page.waitForURL(/\/beraad\/[0-9a-f-]{36}/);
    const notice = page.locator('main p.notice', { hasText: 'Uit voorbeeld:' });
    await notice.waitFor();
    assert.equal((await notice.getByRole('link').innerText()).trim(), title);
    const onAnswer = await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).count();
    if (onAnswer) {
      await openDetails(page);
      assert.match(await mainText(page), /Ontvanger: Veilig Thuis\s+uit het voorbeeld/);
      assert.ok(await page.getByRole('link', { name: /wijzig\s+Ontvanger/i }).count() > 0, 'the recipient can be changed');
    } else {
      // A question the example leaves open: its answers so far are listed with the label.
      assert.match(await mainText(page), /Veilig Thuis uit het voorbeeld/);
    }
    assert.deepEqual(await axe(page, 'deliberation from example'), []);
    await shot(page, 'beraad-uit-voorbeeld');
  }));

test('voorbeelden: zoeken op een woord uit de titel, en een onbekend voorbeeld', () =>
  withPage(b, 'cases-search', async (page) => {
    await login(page, 'huisarts');
    await page.goto(`${BASE}/voorbeelden`);
    await page.getByLabel('Zoeken in titel en situatie').fill('cardioloog');
    await page.getByRole('button', { name: 'Toon voorbeelden' }).click();
    await page.getByRole('link', { name: 'Huisarts stuurt een verwijsbrief naar de cardioloog' }).waitFor();
    const [n, total] = await counted(page);
    assert.ok(n >= 1 && n < total);
    await page.getByRole('link', { name: 'Filters wissen' }).click();
    await page.waitForURL(/\/voorbeelden$/);
    const res = await page.goto(`${BASE}/voorbeelden/bestaat-niet`);
    assert.equal(res.status(), 404);
    assert.match(await mainText(page), /Dit voorbeeld bestaat niet\./);
    assert.deepEqual(await axe(page, 'case (not found)'), []);
  }));
