// A deliberation leaves the application as a PDF: the professional records an answer and a
// decision, downloads "Download als PDF" from the recorded deliberation, and the file holds
// what a supervisor or tuchtcollege needs — the answer, the organisation, the decision, the
// entry numbers and page numbers — as text a PDF reader extracts (poppler's pdftotext, which
// .ci/run installs for scripts/pdf-check.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BASE, launch, withPage, login, mainText, answerAll, clientId, startDeliberation, NOOR_ANSWERS,
} from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b.close(); });

/** The text of a PDF as pdftotext reads it, with line breaks and hyphenation undone. */
function pdfText(file) {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return raw.replace(/-\n/g, '').replace(/\s+/g, ' ');
}

test('beraad vastleggen, besluit nemen en het verslag als PDF downloaden: de tekst staat erin', () =>
  withPage(b, 'pdf-download', async (page) => {
    await login(page, 'huisarts');
    const noor = await clientId(page, 'Noor Bakker');
    await startDeliberation(page, 'Noor Bakker');
    await answerAll(page, NOOR_ANSWERS, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    const outcome = (await page.locator('.outcome').first().innerText()).trim();

    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.waitForURL(new RegExp(`/clienten/${noor}/beraad/\\d+/besluit\\?vastgelegd=1$`));
    await page.getByRole('group', { name: 'Heeft u gedeeld (of gaat u delen)?' }).getByLabel('Ja').check();
    await page.getByLabel('Wat (alleen wat nodig is)').fill('Dat Noor na haar operatie hulp nodig heeft bij het aankleden.');
    await page.getByRole('group', { name: 'Is de cliënt geïnformeerd?' }).getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Zo ja: wanneer en hoe').fill('Mondeling tijdens het consult');
    await page.getByLabel('Uw redenen').fill('Noor vroeg zelf om haar mantelzorger in te lichten.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.waitForURL(/\/dossier\/\d+\?vastgelegd=1$/);

    // The deliberation's own entry (the decision refers to it) offers the PDF.
    await page.getByRole('link', { name: 'Terug naar het dossier' }).click();
    const row = page.getByRole('table', { name: 'Tijdlijn' }).getByRole('row')
      .filter({ hasText: 'besluit vastgelegd in regel' }).first();
    const seq = (await row.getByRole('link', { name: /^\d+$/ }).innerText()).trim();
    await row.getByRole('link', { name: /^\d+$/ }).click();
    await page.getByRole('heading', { name: 'Bewijs van vastlegging' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als PDF' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^[a-z0-9-]+\.pdf$/, 'a file name without the client name');
    assert.doesNotMatch(download.suggestedFilename(), /noor|bakker/i);
    const dir = mkdtempSync(join(tmpdir(), 'grondslag-pdf-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(file);
      for (const want of [
        'Grondslag', 'Demo: Wijkteam en huisartsenpraktijk Oost (fictief)', 'Noor Bakker', outcome,
        'Noor vroeg zelf om haar mantelzorger in te lichten.', 'pagina 1 van',
      ]) {
        assert.ok(text.includes(want), `the PDF text has ${JSON.stringify(want)}`);
      }
      assert.match(text, new RegExp(`\\b${seq}\\b`), 'the entry number is in the PDF');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Downloading is an access like reading the page: the dossier still verifies.
    await page.goto(`${BASE}/clienten/${noor}`);
    assert.match(await page.getByRole('status').first().innerText(), /gecontroleerd/);
    assert.ok((await mainText(page)).length > 0);
  }));
