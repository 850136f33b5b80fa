// Journey 5: an open norm. Huisarts Anna de Vries, client Sam Jansen (10), considers telling
// Veilig Thuis about a suspicion of child abuse on her own initiative: the answer is "U mag delen
// na een vastgelegde afweging" (meldrecht, art. 5.2.6 Wmo 2015). She records her own weighing
// per criterion (yes/no with reasons) and the answer quotes her reasons back as hers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, withPage, login, mainText, answerAll, startDeliberation, shot, openDetails, SAM_VEILIG_THUIS } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

test('open norm: meldrecht Veilig Thuis vraagt een eigen afweging; het antwoord citeert de redenen', () =>
  withPage(b, 'open-norm', async (page) => {
    await login(page, 'huisarts');
    await startDeliberation(page, 'Sam Jansen');
    // Every question is answered (skipping the last, conditions-only ones would bring them back
    // after the weighing is saved: the save redirects to /beraad/{id}, see docs/e2e.md).
    await answerAll(page, SAM_VEILIG_THUIS);

    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    assert.equal((await page.locator('.outcome').innerText()).trim(), 'U mag delen na een vastgelegde afweging');
    // The weighing is the next step, on the first screen (1280×800, not scrolled).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('section.summary').boundingBox();
    assert.ok(box && box.y + box.height <= 800, `the summary fits one screen (it ends at ${box && box.y + box.height} px)`);
    const link = page.getByRole('link', { name: /^Weeg zelf af:/ }).first();
    const lb = await link.boundingBox();
    assert.ok(lb && lb.y + lb.height <= 800, 'the link to the weighing is on the first screen');
    const title = (await link.innerText()).replace(/^Weeg zelf af:\s*/, '');
    await link.click();

    // The judgment page: the title of the set, one fieldset per criterion with yes/no and reasons.
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(await mainText(page), /Dit is uw oordeel\./);
    const criteria = page.locator('main form fieldset');
    const n = await criteria.count();
    assert.ok(n >= 2, `the weighing has criteria (found ${n})`);

    const reasons = [];
    for (let i = 0; i < n; i++) {
      const reason = i === 0
        ? 'Reden 1: de blauwe plekken passen niet bij de uitleg van de ouders.'
        : `Reden ${i + 1}: eigen afweging van de huisarts bij criterium ${i + 1}.`;
      reasons.push(reason);
      const fs = criteria.nth(i);
      await fs.getByRole('radio', { name: 'Ja' }).check();
      await fs.getByRole('textbox').fill(reason);
    }
    await shot(page, 'judgment');
    await page.getByRole('button', { name: 'Afweging opslaan' }).click();

    // Back on the answer: every yes, so the route carries the disclosure; reasons quoted as hers.
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    const outcome = (await page.locator('.outcome').innerText()).trim();
    assert.equal(outcome, 'U mag delen');
    await openDetails(page);
    const own = page.getByRole('region', { name: 'Uw eigen afweging' });
    assert.match(await own.innerText(), /Dit is het oordeel van de professional, niet van de regels\./);
    const quotes = await own.locator('q').allInnerTexts();
    assert.deepEqual(quotes, reasons, 'each reason is quoted back');
    assert.ok(await page.getByRole('link', { name: `Afweging bekijken of wijzigen: ${title}` }).isVisible());

    // Change the weighing: the saved answers are shown again. Leaving reasons out is refused
    // (what was typed is kept, and every criterion still open says so) …
    await page.getByRole('link', { name: `Afweging bekijken of wijzigen: ${title}` }).click();
    assert.equal(await criteria.nth(n - 1).getByRole('textbox').inputValue(), reasons[n - 1]);
    assert.ok(await criteria.nth(n - 1).getByRole('radio', { name: 'Ja' }).isChecked());
    await criteria.nth(n - 1).getByRole('radio', { name: 'Nee' }).check();
    for (let i = 1; i < n; i++) await criteria.nth(i).getByRole('textbox').fill('');
    await page.getByRole('button', { name: 'Afweging opslaan' }).click();
    assert.match(await page.getByRole('alert').innerText(), new RegExp(`nog open: ${[...Array(n - 1).keys()].map((i) => i + 2).join(', ')}\\)`));
    assert.equal(await criteria.nth(0).getByRole('textbox').inputValue(), reasons[0]);
    assert.ok(await criteria.nth(n - 1).getByRole('radio', { name: 'Nee' }).isChecked());
    assert.equal(await criteria.nth(0).locator('.error').count(), 0);
    for (let i = 1; i < n; i++) {
      const fs = criteria.nth(i);
      assert.match(await fs.locator('.error').innerText(), /^Nog open/);
      assert.equal(await fs.getAttribute('aria-describedby'), `open_${i}`);
    }
    // … and with the reasons filled in again, one "no" means the meldrecht no longer carries it.
    for (let i = 1; i < n - 1; i++) await criteria.nth(i).getByRole('textbox').fill(reasons[i]);
    await criteria.nth(n - 1).getByRole('textbox').fill('Toch nee: er zijn zwaarwegende redenen.');
    await page.getByRole('button', { name: 'Afweging opslaan' }).click();
    // With a "no" the meldrecht route no longer holds and other routes are examined: answer
    // whatever Grondslag asks now (skipping the questions that only refine conditions).
    await answerAll(page, SAM_VEILIG_THUIS, { skipToAnswer: true });
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    assert.notEqual((await page.locator('.outcome').innerText()).trim(), 'U mag delen');
    await openDetails(page);
    assert.match(await page.getByRole('region', { name: 'Uw eigen afweging' }).innerText(), /nee — .?Toch nee: er zijn zwaarwegende redenen\./);
    console.log(`# open norm: '${title}', ${n} criteria; all yes → '${outcome}'; one no → '${(await page.locator('.outcome').innerText()).trim()}'`);
  }));
