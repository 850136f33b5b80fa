// Journey 7: an axe-core scan (WCAG 2.0/2.1 A and AA) of every page type, including the form
// error states. Any serious or critical violation fails the page's test and is printed.
// Also writes the documentation screenshots that the journeys do not (E2E_SCREENSHOTS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, login, loginForm, axe, shot, answerAll, controlKind, currentFact,
  startDeliberation, clientId, NOOR_ANSWERS, SAM_VEILIG_THUIS, saveArtefacts, openDetails,
} from '../lib.mjs';

let b;
const pages = {};
before(async () => {
  b = await launch();
  for (const who of ['anon', 'huisarts', 'privacy', 'beheer', 'jeugd']) {
    pages[who] = await b.newPage();
    if (who !== 'anon') await login(pages[who], who);
  }
});
after(async () => { await b?.close(); });

/** One test of the sweep; on failure a screenshot of every role's page is kept. */
function sweep(name, fn) {
  test(name, async () => {
    try {
      await fn();
    } catch (e) {
      for (const [who, page] of Object.entries(pages)) await saveArtefacts(page, `axe-${who}`);
      throw e;
    }
  });
}

async function scan(page, label) {
  await page.waitForLoadState('domcontentloaded');
  assert.ok(!page.url().includes('/inloggen') || label.startsWith('login'), `${label}: not signed in (${page.url()})`);
  assert.deepEqual(await axe(page, label), [], `${label}: serious or critical axe violations (see the lines above)`);
}

/** Submits `form` without the browser's own validation (to reach the server's error state). */
async function submitUnchecked(page, form) {
  await form.evaluate((f) => { f.noValidate = true; });
  await form.getByRole('button').first().click();
  await page.waitForLoadState('domcontentloaded');
}

sweep('axe: inloggen, en inloggen met foutmelding', async () => {
  const page = pages.anon;
  await page.goto(`${BASE}/inloggen`);
  await scan(page, 'login');
  await shot(page, 'login');
  await loginForm(page, 'bestaat-niet', 'ook-niet-goed');
  assert.equal(await page.getByRole('alert').count(), 1);
  await scan(page, 'login (error)');
});

sweep('axe: Mijn cliënten, zoeken met foutmelding, cliënt registreren (ook met foutmelding)', async () => {
  const page = pages.huisarts;
  await page.goto(`${BASE}/clienten`);
  await scan(page, 'clients');
  await shot(page, 'clients');
  const breakGlassSearch = page.locator('form[action="/clienten/zoek"]');
  await breakGlassSearch.getByLabel(/^Referentie/).fill('DEMO-9999');
  await breakGlassSearch.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForLoadState('domcontentloaded');
  await scan(page, 'clients (search error)');

  await page.goto(`${BASE}/clienten/nieuw`);
  await scan(page, 'client registration');
  await page.getByLabel('Naam').fill('Test Dubbel');
  await page.getByLabel(/^Referentie/).fill('DEMO-1001');
  await page.getByRole('button', { name: 'Registreren' }).click();
  await page.waitForLoadState('domcontentloaded');
  assert.equal(await page.locator('main .error').count(), 1, 'a duplicate reference is refused with a message');
  await scan(page, 'client registration (error)');
});

let daanDraft = '';
sweep('axe: nieuw beraad, elke soort vraag (select, radio, checkbox, getal), vraag met foutmelding, mobiel', async () => {
  const page = pages.huisarts;
  await page.goto(`${BASE}/beraad/nieuw`);
  await scan(page, 'new deliberation');
  await startDeliberation(page, 'Daan Visser');
  daanDraft = page.url().split('/').pop();

  // The question with an error: submit without an answer (browser validation switched off).
  await submitUnchecked(page, page.locator('form[action$="/antwoord"]'));
  assert.match(await page.getByRole('alert').innerText(), /Kies of vul een antwoord in/);
  await scan(page, 'question (error)');

  const seen = new Set();
  // Daan's daughter as his representative: every kind of question, the age among them.
  await answerAll(page, { ...NOOR_ANSWERS, recipient_role: 'familielid', client_competent: 'false', client_age: '76', consent: 'not_asked', recipient_in_treatment_relation: 'false' }, {
    skipToAnswer: true,
    onQuestion: async (fact) => {
      const kind = await controlKind(page);
      if (!seen.has(kind)) {
        seen.add(kind);
        // Open "Waarom vraag ik dit?" so its content is scanned too.
        await page.locator('details.why summary').click();
        await scan(page, `question (${kind}: ${fact})`);
        if (kind === 'radio') {
          await page.setViewportSize({ width: 390, height: 844 });
          await shot(page, 'question-mobile');
          await scan(page, `question (${kind}, 390px wide)`);
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      }
      return false;
    },
  });
  assert.deepEqual([...seen].sort(), ['checkbox', 'number', 'radio', 'select']);
  await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
  await scan(page, 'answer');
  await openDetails(page);
  await scan(page, 'answer (explanation open)');

  // "wijzig" (under "Een antwoord wijzigen") opens the question in change mode.
  const change = page.locator('details', { has: page.locator('summary', { hasText: 'Een antwoord wijzigen' }) });
  if ((await change.getAttribute('open')) === null) await change.locator('summary').click();
  await page.getByRole('link', { name: 'wijzig Leeftijd van de cliënt' }).click();
  assert.equal(await currentFact(page), 'client_age');
  await scan(page, 'question (change mode)');
  await page.getByRole('link', { name: 'Niet wijzigen' }).click();

  await page.goto(`${BASE}/beraad/${daanDraft}/verslag`);
  await scan(page, 'printable report (draft)');
});

sweep('axe: afweging (open norm), ook met foutmelding', async () => {
  const page = pages.huisarts;
  await startDeliberation(page, 'Sam Jansen');
  // Skip the questions that only refine the conditions, as a hurried professional would.
  await answerAll(page, SAM_VEILIG_THUIS, { skipToAnswer: true });
  await page.getByRole('link', { name: /^Weeg zelf af:/ }).first().click();
  await scan(page, 'judgment');
  await page.getByRole('radio', { name: 'Ja' }).first().check();
  await page.getByRole('button', { name: 'Afweging opslaan' }).click();
  await page.waitForLoadState('domcontentloaded');
  assert.equal(await page.getByRole('alert').count(), 1);
  await scan(page, 'judgment (error)');
  // "Terug naar het antwoord" goes to the answer, not back to a skipped question.
  await page.getByRole('link', { name: 'Terug naar het antwoord' }).click();
  await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
});

sweep('axe: besluit (ook met foutmelding), dossierregel, verslag, dossier, toestemming', async () => {
  const page = pages.huisarts;
  await page.goto(`${BASE}/beraad/${daanDraft}?antwoord=1`);
  await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
  await page.waitForURL(/\/besluit\?vastgelegd=1$/);
  await scan(page, 'decision');
  const decisionUrl = page.url();

  // Shared, but without saying what: the server refuses and keeps the form.
  await page.getByRole('group', { name: 'Heeft u gedeeld (of gaat u delen)?' }).getByLabel('Ja').check();
  await page.getByRole('group', { name: 'Is de cliënt geïnformeerd?' }).getByLabel('Nee', { exact: true }).check();
  await page.getByLabel(/^Zo nee/).fill('Daan is op vakantie.');
  await page.getByLabel('Uw redenen').fill('Test van de foutmelding.');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await page.waitForLoadState('domcontentloaded');
  assert.match(await page.getByRole('alert').innerText(), /Schrijf op wat u heeft gedeeld/);
  await scan(page, 'decision (error)');
  await page.getByRole('group', { name: 'Heeft u gedeeld (of gaat u delen)?' }).getByLabel('Nee').check();
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await page.waitForURL(/\/dossier\/\d+\?vastgelegd=1$/);
  await scan(page, 'entry (decision, just recorded)');

  const daan = await clientId(page, 'Daan Visser');
  const seq = decisionUrl.match(/beraad\/(\d+)\/besluit/)[1];
  await page.goto(`${BASE}/clienten/${daan}/dossier/${seq}`);
  await page.getByRole('heading', { name: 'Bewijs van vastlegging' }).waitFor();
  await scan(page, 'entry (deliberation report with receipt)');
  await page.goto(`${BASE}/clienten/${daan}/dossier/${seq}/bewijs`);
  await page.locator('main details summary').first().click();
  await scan(page, 'proof of recording');

  await page.goto(`${BASE}/clienten/${daan}`);
  await scan(page, 'dossier');

  const noor = await clientId(page, 'Noor Bakker');
  await page.goto(`${BASE}/clienten/${noor}`);
  await scan(page, 'dossier (with consents)');
  await page.goto(`${BASE}/clienten/${noor}/toestemming`);
  // Open the recipient groups so every checkbox is scanned.
  for (const s of await page.locator('main details summary').all()) await s.click();
  await scan(page, 'consent form');
  for (const s of await page.locator('main details summary').all()) await s.click();
  await shot(page, 'consent');
});

sweep('axe: beheer', async () => {
  const page = pages.beheer;
  await page.goto(`${BASE}/beheer`);
  await shot(page, 'admin');
  await page.locator('main details summary').first().click();
  await scan(page, 'admin');
});

sweep('axe: toegangslog, doorbraken, verificatie (privacy officer)', async () => {
  const page = pages.privacy;
  await page.goto(`${BASE}/toegangslog`);
  await scan(page, 'access log');
  await page.goto(`${BASE}/doorbraken`);
  await scan(page, 'break-the-glass list');
  await page.goto(`${BASE}/verificatie`);
  await scan(page, 'verification');
});

sweep('axe: wachtwoord wijzigen (ook met foutmelding)', async () => {
  const page = pages.privacy;
  await page.goto(`${BASE}/account/wachtwoord`);
  await scan(page, 'change password');
  await page.getByLabel('Huidig wachtwoord').fill('fout-wachtwoord-123');
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('nieuw-wachtwoord-2026');
  await page.getByLabel('Nieuw wachtwoord (nog eens)').fill('nieuw-wachtwoord-2026');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await page.locator('main .error').waitFor();
  await scan(page, 'change password (error)');
});

sweep('axe: foutpagina’s (403 met doorbraakformulier, 404)', async () => {
  const page = pages.jeugd;
  // Daan Visser: Bram has no care relation with him (and, unlike Noor, no break-the-glass grant).
  const daan = await clientId(pages.huisarts, 'Daan Visser');
  const resp = await page.goto(`${BASE}/clienten/${daan}`);
  assert.equal(resp.status(), 403);
  await scan(page, 'error page (403, break the glass)');
  const nf = await page.goto(`${BASE}/bestaat-niet`);
  assert.equal(nf.status(), 404);
  await scan(page, 'error page (404)');
});

sweep('axe: een pagina in het Engels', async () => {
  const page = pages.huisarts;
  await page.goto(`${BASE}/clienten`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'My clients' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await scan(page, 'clients (English)');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn cliënten' }).waitFor();
});
