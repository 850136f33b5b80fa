// Journey 4: keyboard only. Chantal Dijkstra (aandachtsfunctionaris) signs in and completes a
// short deliberation without a client using only Tab, Shift+Tab, Space, Enter and the arrow
// keys (page.keyboard; no clicks, no fills). At every stop the focused element must show a
// visible focus indicator (a computed outline), and on every signed-in page the skip link must
// be the first thing Tab reaches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, launch, withPage, currentFact, mainText, DRAFT_URL, focused, press, tabUntil } from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

// Recipient a journalist, for care, no consent: seven questions to "U mag niet delen".
const ANSWERS = {
  recipient_role: 'journalist',
  request_from: 'none',
  purpose: 'care',
  data_categories: ['health'],
  recipient_in_treatment_relation: 'false',
  consent: 'refused',
  client_deceased: 'false',
  client_age: '42',
  client_competent: 'true',
  danger: 'none',
  suspicion_domestic_violence_or_child_abuse: 'false',
  client_objects: 'false',
  client_is_suspected_perpetrator: 'false',
  recipient_is_suspected_perpetrator: 'false',
  children_at_risk: 'false',
  child_protection_measure: 'none',
  order_authorised_by_judge: 'false',
};

/** The skip link is the first stop of Tab; Enter on it moves focus into <main>. */
async function skipToContent(page) {
  const first = await press(page, 'Tab');
  assert.equal(first.cls, 'skip', `the first Tab stop is the skip link (got <${first.tag}> "${first.text}")`);
  assert.equal(first.text, 'Naar de inhoud');
  const box = await page.locator('a.skip').boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  const f = await focused(page);
  assert.equal(f.id, 'inhoud', 'Enter on the skip link moves focus to the main content');
}

/** Answers the question on screen with the keyboard only, then submits with Enter on "Volgende". */
async function answerByKeyboard(page, fact, value, { openWhy = false } = {}) {
  await skipToContent(page);
  const control = await press(page, 'Tab');
  assert.equal(control.name, 'antwoord', `Tab after the skip link reaches the answer (got <${control.tag}>)`);
  if (control.tag === 'select') {
    // Arrow keys move through the options of a closed select.
    for (let i = 0; i < 120 && (await focused(page)).value !== value; i++) await press(page, 'ArrowDown');
    assert.equal((await focused(page)).value, value, `${fact}: option ${value} reached with ArrowDown`);
  } else if (control.type === 'number') {
    await page.keyboard.type(String(value));
  } else if (control.type === 'radio') {
    // Space checks the first option; the arrow keys move through the group and check as they go.
    await press(page, 'Space');
    for (let i = 0; i < 20 && (await focused(page)).value !== value; i++) await press(page, 'ArrowDown');
    const f = await focused(page);
    assert.ok(f.value === value && f.checked, `${fact}: radio ${value} checked with the arrow keys`);
  } else if (control.type === 'checkbox') {
    const values = [].concat(value);
    let f = control;
    while (f.type === 'checkbox') {
      if (values.includes(f.value) !== f.checked) await press(page, 'Space');
      f = await press(page, 'Tab');
    }
    // Back to the last checkbox and forward again, to show Shift+Tab works inside the form.
    await press(page, 'Shift+Tab');
    await press(page, 'Tab');
    const checked = await page.locator('input[name="antwoord"]:checked').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(checked.sort(), [...values].sort());
  }
  const summary = await tabUntil(page, (f) => f.tag === 'summary', '"Waarom vraag ik dit?"');
  assert.equal(summary.text, 'Waarom vraag ik dit?');
  if (openWhy) {
    await page.keyboard.press('Enter');
    assert.notEqual(await page.locator('details.why').getAttribute('open'), null, 'Enter opens "Waarom vraag ik dit?"');
    // The source link inside is now reachable with Tab.
    const link = await press(page, 'Tab');
    assert.equal(link.tag, 'a', 'the source link is the next Tab stop');
  }
  await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Volgende', '"Volgende"');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

test('alleen toetsenbord: inloggen en een kort beraad zonder cliënt, met skiplink en zichtbare focus', () =>
  withPage(b, 'keyboard', async (page) => {
    await page.goto(`${BASE}/inloggen`);
    // The login name field has autofocus: typing goes straight into it.
    assert.equal((await focused(page)).id, 'inlognaam');
    await page.keyboard.type('aandacht');
    assert.equal((await press(page, 'Tab')).id, 'wachtwoord');
    await page.keyboard.type(PASSWORD);
    // Shift+Tab back to the name and Tab forward again: nothing is lost.
    assert.equal((await press(page, 'Shift+Tab')).value, 'aandacht');
    await press(page, 'Tab');
    await Promise.all([page.waitForURL(/\/clienten$/), page.keyboard.press('Enter')]);
    assert.match(await mainText(page), /Mijn cliënten/);

    // "Mijn cliënten": without the skip link, Tab walks the header (brand, acute danger, menu with
    // the aandachtsfunctionaris' meldcode overview and the examples, account, language,
    // sign out) with a visible focus on each, Shift+Tab walks back, and then main follows.
    assert.equal((await press(page, 'Tab')).cls, 'skip');
    const header = [];
    for (let f = await press(page, 'Tab'); f.text !== 'Uitloggen'; f = await press(page, 'Tab')) {
      header.push(f.text);
      assert.ok(header.length < 10, `Tab never reached "Uitloggen" (${header.join(' → ')})`);
    }
    assert.deepEqual(header, ['Grondslag', 'Acuut gevaar?', 'Mijn cliënten', 'Nieuw beraad', 'Onafgemaakte beraden', 'Meldcode', 'Kennisbank', 'Chantal Dijkstra', 'English']);
    assert.equal((await press(page, 'Shift+Tab')).text, 'English');
    assert.equal((await press(page, 'Tab')).text, 'Uitloggen');
    assert.equal((await press(page, 'Tab')).text, 'Nieuw beraad', 'after the header comes the first action in main');

    // Again, after a reload, with the skip link: it jumps straight to main.
    await page.reload();
    await skipToContent(page);
    const action = await press(page, 'Tab');
    assert.equal(action.text, 'Nieuw beraad');
    await Promise.all([page.waitForURL(/\/beraad\/nieuw$/), page.keyboard.press('Enter')]);

    // "Nieuw beraad": nothing is chosen for you; Tab to the client choices, then the arrow keys
    // move to the last one, "Zonder cliënt", and choose it.
    await skipToContent(page);
    const radio = await press(page, 'Tab');
    assert.equal(radio.type, 'radio');
    assert.ok(!radio.checked, 'no client is chosen by default');
    let chosen = radio;
    for (let i = 0; i < 10 && chosen.value !== 'anoniem'; i++) chosen = await press(page, 'ArrowDown');
    assert.ok(chosen.checked && chosen.value === 'anoniem', 'arrow keys choose "Zonder cliënt"');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Start het beraad', '"Start het beraad"');
    await Promise.all([page.waitForURL(DRAFT_URL), page.keyboard.press('Enter')]);

    const asked = [];
    for (let i = 0; i < 15; i++) {
      const fact = await currentFact(page);
      if (!fact) break;
      assert.ok(fact in ANSWERS, `unexpected question '${fact}' after ${asked.join(', ')}`);
      await answerByKeyboard(page, fact, ANSWERS[fact], { openWhy: asked.length === 0 });
      asked.push(fact);
      const err = page.locator('main .error');
      assert.equal(await err.count(), 0, `answer to ${fact} refused`);
    }
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    assert.equal((await page.locator('.outcome').innerText()).trim(), 'U mag niet delen');
    assert.match(await mainText(page), /Zonder cliënt wordt niets vastgelegd/);
    // The answer page: skip link first, and the sources are reachable by keyboard.
    await skipToContent(page);
    await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Afdrukbaar verslag', '"Afdrukbaar verslag"', { max: 80 });
    console.log(`# keyboard journey: ${asked.length} questions (${asked.join(', ')})`);
  }));
