// Journey 13: the kennisbank. Someone not signed in searches for the words professionals use
// ("WhatsApp", "Raad voor de Kinderbescherming", "overleden") and reads an article with its
// sources; a professional opens the article that explains a condition of an answer, and the
// record-system text of that answer. axe on the search results and the article, also at phone
// width and in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, withPage, login, startDeliberation, answerAll, mainText, axe, NOOR_ANSWERS, shot } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** Searches from the kennisbank's own form and returns the result titles in order. */
async function search(page, words) {
  await page.getByRole('searchbox', { name: /Zoek in de kennisbank|Search the knowledge base/ }).fill(words);
  await Promise.all([page.waitForURL(/\/kennisbank\?q=/), page.getByRole('button', { name: /^(Zoeken|Search)$/ }).click()]);
  await page.getByRole('status').waitFor();
  return page.locator('.kb-result-title').allInnerTexts();
}

test('kennisbank: zoeken op WhatsApp, Raad voor de Kinderbescherming en overleden, zonder in te loggen', () =>
  withPage(b, 'kennisbank-search', async (page) => {
    await page.goto(`${BASE}/kennisbank`);
    await page.getByRole('heading', { level: 1, name: 'Kennisbank' }).waitFor();
    assert.ok((await page.locator('.kb-list li').count()) >= 18, 'every article is listed');

    let titles = await search(page, 'WhatsApp');
    assert.match(titles[0], /kanalen|telefoon|apps/i, titles.join(' | '));
    assert.ok(await page.locator('.kb-snippet mark').first().isVisible(), 'the matched words are marked');
    assert.match(await page.getByRole('status').innerText(), /gevonden/);
    assert.deepEqual(await axe(page, 'kennisbank results'), []);
    await shot(page, 'kennisbank-search');

    titles = await search(page, 'Raad voor de Kinderbescherming');
    assert.match(titles[0], /Raad voor de Kinderbescherming/, titles.join(' | '));

    titles = await search(page, 'overleden');
    assert.match(titles[0], /Overleden/, titles.join(' | '));
    await page.locator('.kb-result-title a').first().click();
    await page.getByRole('heading', { level: 1, name: /Overleden cliënten/ }).waitFor();
    const text = await mainText(page);
    assert.match(text, /Bronnen/);
    assert.match(text, /Waar Grondslag dit gebruikt/);
    assert.match(text, /beroepsgeheim loopt door na de dood/i);
    const source = page.locator('.sources a').first();
    assert.match(await source.getAttribute('href'), /^https:\/\//, 'sources link to their public address');
    assert.deepEqual(await axe(page, 'kennisbank article'), []);

    // A link in the text leads to another article.
    await page.locator('.kb-body a').first().click();
    await page.waitForURL(/\/kennisbank\/[a-z0-9-]+$/);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE}/kennisbank?q=overleden`);
    assert.deepEqual(await axe(page, 'kennisbank results (390 px)'), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${overflow} px)`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    titles = await search(page, 'deceased');
    assert.match(titles[0], /Deceased/, titles.join(' | '));
    assert.deepEqual(await axe(page, 'kennisbank (English)'), []);
    await page.getByRole('button', { name: 'Nederlands' }).click();
  }));

test('kennisbank: vanuit een voorwaarde van het antwoord naar de uitleg, en de tekst voor het eigen dossier', () =>
  withPage(b, 'kennisbank-from-answer', async (page) => {
    await login(page, 'huisarts');
    await startDeliberation(page, 'Noor Bakker');
    await answerAll(page, NOOR_ANSWERS, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: /Het antwoord/ }).waitFor();

    // The record-system text: a few plain lines, ready to copy.
    await page.locator('summary', { hasText: 'Tekst voor uw eigen dossier' }).click();
    const pasted = await page.getByRole('textbox', { name: 'Tekst voor uw eigen dossier' }).inputValue();
    assert.match(pasted, /^Beraad beroepsgeheim met Grondslag, /);
    assert.match(pasted, /Vraag: mag ik informatie delen met /);
    assert.match(pasted, /niet vastgelegd in Grondslag/);

    // "Uitleg" next to one of the main conditions opens the article that explains it.
    const link = page.locator('.summary a.kb-link').first();
    const title = (await link.locator('.visually-hidden').innerText()).replace(/^:\s*/, '');
    await link.click();
    await page.waitForURL(/\/kennisbank\/[a-z0-9-]+$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kennisbank' }).getAttribute('aria-current'), 'page');
    // Back to the answer: the deliberation is kept.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /Het antwoord/ }).waitFor();
    assert.ok(await page.getByRole('heading', { name: 'Meer weten in de kennisbank' }).isVisible());
  }));
