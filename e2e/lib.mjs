// Shared helpers for the browser journeys: the browser, signing in (with a session cache so the
// login rate limit of 5 attempts per name per minute is never hit, and the second factor: an
// administrator or privacy officer sets one up at the first login, computing the codes with a
// small RFC 6238 implementation below), answering a question page
// through its real form controls, the axe check, screenshots, and failure artefacts.
//
// Environment (set by e2e/run.sh):
//   BASE_URL           the server, e.g. http://127.0.0.1:18080 (required)
//   E2E_STATE_DIR      a fresh directory for cached sessions (defaults to a temp directory)
//   E2E_ARTIFACTS      where failure screenshots go (defaults to E2E_STATE_DIR/artifacts)
//   E2E_SCREENSHOTS    if set, the documentation screenshots are written there
//   CHROMIUM           the browser (default /usr/bin/chromium)

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE = (process.env.BASE_URL || process.env.E2E_BASE_URL || '').replace(/\/$/, '');
if (!BASE) throw new Error('BASE_URL is not set: start the server and set BASE_URL (e2e/run.sh does both)');

export const PASSWORD = 'demo-wachtwoord-oost';
const STATE_DIR = process.env.E2E_STATE_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'grondslag-e2e-'));
const ARTIFACTS = process.env.E2E_ARTIFACTS || path.join(STATE_DIR, 'artifacts');
export const SHOTS = process.env.E2E_SCREENSHOTS || '';

/**
 * Launches Debian's Chromium headless (stack.md section 5). `launch()` gives the browser a fresh
 * temporary profile (user data dir) of its own and removes it on close; every journey then gets
 * its own context, so cookies never leak between journeys.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    async newPage(opts = {}) {
      const ctx = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 }, ...opts });
      ctx.setDefaultTimeout(10_000);
      return ctx.newPage();
    },
    close: () => browser.close(),
  };
}

/** Saves a full-page screenshot and the HTML of `page` as failure artefacts. */
export async function saveArtefacts(page, name) {
  try {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const base = path.join(ARTIFACTS, name.replace(/[^a-z0-9-]+/gi, '_'));
    await page.screenshot({ path: `${base}.png`, fullPage: true });
    fs.writeFileSync(`${base}.html`, await page.content());
    console.error(`# failure artefacts: ${base}.png / .html (at ${page.url()})`);
  } catch { /* the page may be gone */ }
}

/** Runs `fn(page)` on a fresh page; on failure saves a screenshot and the HTML as artefacts. */
export async function withPage(b, name, fn, opts = {}) {
  const page = await b.newPage(opts);
  try {
    return await fn(page);
  } catch (e) {
    await saveArtefacts(page, name);
    throw e;
  } finally {
    await page.context().close();
  }
}

/** Signs in through the login form. */
export async function loginForm(page, login, password = PASSWORD) {
  await page.goto(`${BASE}/inloggen`);
  await page.getByLabel('Inlognaam').fill(login);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

// --- the second factor (TOTP, RFC 6238) ---------------------------------------------------------
// The test's own implementation, independent of the server's crate: HMAC-SHA-1 over the 30-second
// step counter, dynamic truncation, 6 digits (RFC 4226 section 5.3).

/** Decodes RFC 4648 base32 (spaces and padding ignored). */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const i = alphabet.indexOf(ch);
    if (i < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit TOTP code of `step` for a secret given in base32. */
export function totp(secretBase32, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

export const nowStep = () => Math.floor(Date.now() / 30_000);

const factorFile = (login) => path.join(STATE_DIR, `factor-${login}.json`);

/** What this run knows of `login`'s second factor: { secret, lastStep, recovery } or null. */
export function factorState(login) {
  const f = factorFile(login);
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null;
}

export function saveFactorState(login, state) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(factorFile(login), JSON.stringify(state));
}

/**
 * A code the server will accept for `login`: the current or the next step, later than the last
 * step used (the server accepts each step once), waiting for the next step if both are used.
 * Records the step as used.
 */
export async function freshCode(login) {
  const state = factorState(login);
  assert.ok(state, `no second factor known for ${login}`);
  for (;;) {
    const now = nowStep();
    const step = [now, now + 1].find((s) => s > (state.lastStep ?? -1));
    if (step !== undefined) {
      saveFactorState(login, { ...state, lastStep: step });
      return totp(state.secret, step);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Reads the secret from the enrolment page, confirms it with a code; returns the recovery codes. */
export async function enrolSecondFactor(page, login) {
  const secret = (await page.locator('#geheim').innerText()).replace(/\s+/g, '');
  const step = nowStep();
  saveFactorState(login, { secret, lastStep: step, recovery: [] });
  await page.getByLabel('Vul de code in die de app nu toont').fill(totp(secret, step));
  await page.getByRole('button', { name: 'Tweede factor aanzetten' }).click();
  await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
  const recovery = (await page.locator('ul.codes code').allInnerTexts()).map((c) => c.trim());
  assert.equal(recovery.length, 10, 'ten recovery codes are shown');
  saveFactorState(login, { ...factorState(login), recovery });
  return recovery;
}

/**
 * After the password: sets up the second factor where the server asks for it (administrators
 * and privacy officers), or gives the code where the account has one. No-op when signed in.
 */
export async function finishSecondFactor(page, login) {
  await page.waitForLoadState('domcontentloaded');
  const where = new URL(page.url()).pathname;
  if (where === '/account/tweede-factor') {
    await enrolSecondFactor(page, login);
    await page.getByRole('link', { name: /verder$/ }).click();
  } else if (where === '/inloggen/code') {
    await page.getByLabel('Code (6 cijfers)').fill(await freshCode(login));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }
}

/**
 * Signs `page`'s context in as `login`, reusing a session cached on disk by an earlier journey
 * (only the session cookie is reused; every journey still has its own context).
 */
export async function login(page, login) {
  const file = path.join(STATE_DIR, `session-${login}.json`);
  if (fs.existsSync(file)) {
    await page.context().addCookies(JSON.parse(fs.readFileSync(file, 'utf8')));
    await page.goto(`${BASE}/`);
    if (!page.url().includes('/inloggen')) return;
  }
  await loginForm(page, login);
  await finishSecondFactor(page, login);
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen') && !u.pathname.startsWith('/account/tweede-factor'));
  const cookies = (await page.context().cookies()).filter((c) => c.name !== 'taal');
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(cookies));
}

/** Opens the folded parts of the answer page (the explanation below the one-screen summary). */
export async function openDetails(page) {
  const closed = page.locator('main details.card:not([open]) > summary');
  while (await closed.count()) await closed.first().click();
}

/** The visible text of `<main>`, whitespace collapsed. */
export async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** The fact id of the question on screen, or null when the page is not a question. */
export async function currentFact(page) {
  const v = page.locator('input[name="vraag"]');
  return (await v.count()) ? v.getAttribute('value') : null;
}

/** Answers the question on screen with its real control; `value` is a string or an array. */
export async function answer(page, value) {
  const form = page.locator('form[action$="/antwoord"]');
  const select = form.locator('select[name="antwoord"]');
  const number = form.locator('input[type="number"][name="antwoord"]');
  if (await select.count()) {
    await select.selectOption(String(value));
  } else if (await number.count()) {
    await number.fill(String(value));
  } else {
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    const boxes = form.locator('input[type="checkbox"][name="antwoord"]');
    if (await boxes.count()) {
      for (const cb of await boxes.all()) {
        const want = values.includes(await cb.getAttribute('value'));
        if (want !== (await cb.isChecked())) await cb.setChecked(want);
      }
    } else {
      await form.locator(`input[type="radio"][name="antwoord"][value="${values[0]}"]`).check();
    }
  }
  await form.getByRole('button').click();
  await page.waitForLoadState('domcontentloaded');
}

/** The kind of control the question on screen uses: select, number, checkbox or radio. */
export async function controlKind(page) {
  const form = page.locator('form[action$="/antwoord"]');
  if (await form.locator('select[name="antwoord"]').count()) return 'select';
  if (await form.locator('input[type="number"][name="antwoord"]').count()) return 'number';
  if (await form.locator('input[type="checkbox"][name="antwoord"]').count()) return 'checkbox';
  return 'radio';
}

/**
 * Answers questions from `answers` (fact id → value) until the answer page. `onQuestion(fact,
 * page)` may act first and return true to skip the default answer. Fails on a question that
 * `answers` does not cover, naming it.
 */
export async function answerAll(page, answers, { onQuestion, skipToAnswer = false, max = 30 } = {}) {
  const asked = [];
  for (let i = 0; i < max; i++) {
    const fact = await currentFact(page);
    if (!fact) return asked;
    if (skipToAnswer) {
      const skip = page.getByRole('link', { name: 'Sla over: naar het antwoord' });
      if (await skip.count()) {
        await skip.click();
        continue;
      }
    }
    asked.push(fact);
    if (onQuestion && (await onQuestion(fact, page))) continue;
    assert.ok(fact in answers, `unexpected question '${fact}' (answered so far: ${asked.join(', ')})`);
    await answer(page, answers[fact]);
    const err = page.locator('main .error');
    if (await err.count()) assert.fail(`answer to '${fact}' refused: ${await err.innerText()}`);
  }
  assert.fail(`still asking after ${max} questions: ${asked.join(', ')}`);
}

/** The address of a deliberation in progress (not /beraad/nieuw). */
export const DRAFT_URL = (u) => /^\/beraad\/[0-9a-f-]{36}$/.test(u.pathname);

/** Starts a deliberation from the "Nieuw beraad" form for a client name (or null: anonymous). */
export async function startDeliberation(page, clientName) {
  await page.goto(`${BASE}/beraad/nieuw`);
  if (clientName) {
    await page.getByRole('radio', { name: new RegExp(`^${clientName}`) }).check();
  } else {
    await page.getByRole('radio', { name: /^Zonder cliënt/ }).check();
  }
  await page.getByRole('button', { name: 'Start het beraad' }).click();
  await page.waitForURL(DRAFT_URL);
}

/** The id of a demo client of the signed-in professional, from "Mijn cliënten". */
export async function clientId(page, name) {
  await page.goto(`${BASE}/clienten`);
  const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
  return href.split('/').pop();
}

// --- the keyboard ---------------------------------------------------------------------------------

/** What has focus, and whether its focus indicator is visible (a real computed outline). */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') || '',
      id: el.id,
      name: el.getAttribute('name') || '',
      value: 'value' in el ? String(el.value) : '',
      checked: !!el.checked,
      text: (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 60),
      cls: el.className || '',
      outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      visible: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
    };
  });
}

/** Presses `key` and checks that whatever gets focus shows a visible focus indicator. */
export async function press(page, key) {
  await page.keyboard.press(key);
  const f = await focused(page);
  if (f.tag !== 'body' && f.tag !== 'main') {
    assert.ok(f.visible, `after ${key}, focus on <${f.tag} ${f.type}> "${f.text || f.value}" has no visible outline (${f.outline})`);
  }
  return f;
}

/** Presses Tab (or Shift+Tab) until `want(focused)` holds; fails after `max` presses. */
export async function tabUntil(page, want, what, { max = 25, key = 'Tab' } = {}) {
  for (let i = 0; i < max; i++) {
    const f = await press(page, key);
    if (want(f)) return f;
  }
  assert.fail(`${key} never reached ${what}`);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page; returns the serious/critical violations, printed readably. */
export async function axe(page, label) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    console.error(`# axe ${label}: ${v.impact} ${v.id} — ${v.help}`);
    for (const n of v.nodes.slice(0, 5)) console.error(`#    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`);
  }
  const minor = result.violations.filter((v) => !bad.includes(v));
  for (const v of minor) console.error(`# axe ${label} (not failing): ${v.impact} ${v.id} — ${v.help}`);
  // "Incomplete" means axe could not decide (e.g. contrast over a background image): a human checks.
  if (result.incomplete.length) console.error(`# axe ${label}: to check by hand: ${result.incomplete.map((v) => `${v.id} (${v.nodes.length}×)`).join(', ')}`);
  return bad.map((v) => `${label}: ${v.id} (${v.impact}, ${v.nodes.length}×)`);
}

/** Saves a documentation screenshot when E2E_SCREENSHOTS is set (full page). */
export async function shot(page, name) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The deliberation answers that lead to "U mag delen" for Noor Bakker (with her consent). */
export const NOOR_ANSWERS = {
  recipient_role: 'mantelzorger',
  request_from: 'none',
  purpose: 'inform_relatives',
  data_categories: ['health'],
  client_deceased: 'false',
  client_age: '42',
  client_competent: 'true',
  danger: 'none',
  suspicion_domestic_violence_or_child_abuse: 'false',
  presumed_consent_indications: 'false',
  client_objects: 'false',
  client_is_suspected_perpetrator: 'false',
  recipient_is_suspected_perpetrator: 'false',
  children_at_risk: 'false',
  child_protection_measure: 'none',
  order_authorised_by_judge: 'false',
};

/** Sam Jansen (10) and Veilig Thuis on a suspicion of child abuse: "na een vastgelegde afweging". */
export const SAM_VEILIG_THUIS = {
  recipient_role: 'veilig_thuis',
  request_from: 'none',
  purpose: 'child_abuse_or_domestic_violence',
  data_categories: ['health'],
  danger: 'suspected',
  suspicion_domestic_violence_or_child_abuse: 'true',
  client_deceased: 'false',
  client_age: '10',
  client_competent: 'false',
  consent: 'not_asked',
  client_objects: 'false',
  child_protection_measure: 'none',
  formal_order: 'false',
  presumed_consent_indications: 'false',
  requester_has_gezag: 'false',
  client_is_suspected_perpetrator: 'false',
  recipient_is_suspected_perpetrator: 'false',
  children_at_risk: 'false',
  order_authorised_by_judge: 'false',
};
