// Journey 12: the meldcode as a process. Fatima El Amrani (wijkteammedewerker) opens a trajectory
// for Ruben Meijer, records signals and asks the aandachtsfunctionaris for advice; Chantal
// Dijkstra (aandachtsfunctionaris, no care relation with Ruben) finds it in her overview and
// records her advice; Fatima records the conversation, answers the afwegingskader (structural
// unsafety: question 2 yes), decides to report, starts the deliberation about what to share with
// Veilig Thuis (pre-filled from the trajectory), records it and its decision, and records the
// report. One step by keyboard only; the demo's idle trajectory shows as overdue. axe on every
// new page, also at 390 px and in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, launch, withPage, login, mainText, axe, answerAll, clientId, DRAFT_URL, SAM_VEILIG_THUIS, press, tabUntil,
} from '../lib.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** axe at desktop width, at 390 px and in English; back to Dutch and desktop width afterwards. */
async function axeEverywhere(page, label) {
  assert.deepEqual(await axe(page, label), [], `${label}: serious or critical axe violations`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  assert.deepEqual(await axe(page, `${label} (390 px)`), [], `${label} (390 px)`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(sideways <= 0, `${label} (390 px) scrolls sideways by ${sideways} px`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForLoadState('domcontentloaded');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(await axe(page, `${label} (English)`), [], `${label} (English)`);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.waitForLoadState('domcontentloaded');
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Submits the form with this id's button and waits for the trajectory page again. */
async function submit(page, formId, button) {
  await Promise.all([page.waitForURL(/\/meldcode\?vastgelegd=\d+#regel-\d+$/), page.locator(`#${formId}`).getByRole('button', { name: button }).click()]);
  assert.match(await page.getByRole('status').first().innerText(), /^Vastgelegd:/);
}

/** Unfolds the form with this id when it is folded (a step other than the next one). */
async function unfold(page, formId) {
  const form = page.locator(`#${formId}`);
  if ((await form.evaluate((el) => el.tagName)) === 'DETAILS' && !(await form.evaluate((el) => el.open))) {
    await form.locator('summary').click();
  }
  return form;
}

/** The remaining questions of the deliberation about reporting Ruben (13) to Veilig Thuis: as
 * for Sam, less what the trajectory fills in. */
const { recipient_role: _r, purpose: _p, suspicion_domestic_violence_or_child_abuse: _s, ...SAM_REST } = SAM_VEILIG_THUIS;
const RUBEN_VEILIG_THUIS = { ...SAM_REST, client_age: '13', danger: 'serious' };

test('meldcode: van signaal via advies, afweging en besluit naar het beraad en de melding bij Veilig Thuis', async () => {
  let trajectory = '';
  await withPage(b, 'meldcode-professional-1', async (page) => {
    await login(page, 'wijkteam');
    // From "Mijn cliënten", the client's meldcode link.
    await page.goto(`${BASE}/clienten`);
    await page.getByRole('link', { name: 'Meldcode — Ruben Meijer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldcode — Ruben Meijer' }).waitFor();
    trajectory = new URL(page.url()).pathname;
    // The acute-danger route comes first, with 112 and Veilig Thuis as phone links.
    assert.equal(await page.getByRole('link', { name: 'Bel 112' }).getAttribute('href'), 'tel:112');
    assert.equal(await page.getByRole('link', { name: 'Bel Veilig Thuis: 0800-2000' }).getAttribute('href'), 'tel:08002000');
    await axeEverywhere(page, 'meldcode start');

    // Start the meldcode with the first signal: the date is today unless changed.
    const open = page.locator('#form-openen');
    assert.match(await open.getByLabel('Datum').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await open.getByLabel('In welke sector werkt u?').selectOption('social_support');
    await open.getByLabel('Bron').selectOption('child');
    await open.getByLabel(/^Wat zag of hoorde u\?/).fill('Ruben vertelt dat zijn moeder hem slaat als hij te laat thuis is.\nHij laat een rode striem op zijn arm zien.');
    await open.getByLabel(/^Wat denkt u dat het betekent\?/).fill('Mogelijk lichamelijk geweld door moeder.');
    await Promise.all([page.waitForURL(/\/meldcode\?vastgelegd=/), open.getByRole('button', { name: 'Meldcode starten' }).click()]);
    const signals = page.getByRole('region', { name: 'Stap 1: signalen' });
    assert.match(await signals.innerText(), /Ruben vertelt dat zijn moeder hem slaat als hij te laat thuis is\.\nHij laat een rode striem/);
    assert.match(await signals.innerText(), /Interpretatie\s+Mogelijk lichamelijk geweld door moeder\./);
    assert.match(await signals.innerText(), /Vastgelegd door Fatima El Amrani \(wijkteammedewerker\)/i);
    assert.match(await mainText(page), /Volgende stap Stap 2: overleggen met een deskundige collega/);

    // A second signal (a step in free order, folded below).
    const signal = await unfold(page, 'form-signaal');
    await signal.getByLabel('Bron').selectOption('own_observation');
    await signal.getByLabel(/^Wat zag of hoorde u\?/).fill('Bij het huisbezoek schrok Ruben toen moeder binnenkwam.');
    await submit(page, 'form-signaal', 'Signaal vastleggen');

    // Ask the aandachtsfunctionaris for advice (chosen by default).
    const ask = await unfold(page, 'form-advies-vragen');
    assert.ok(await ask.getByRole('radio', { name: 'de aandachtsfunctionaris' }).isChecked());
    await ask.getByLabel('Waarover wilt u advies?').fill('Is dit genoeg om met moeder te praten, of eerst Veilig Thuis?');
    await submit(page, 'form-advies-vragen', 'Advies vragen');
    assert.match(await page.getByRole('region', { name: 'Stap 2: overleg en advies' }).innerText(), /wacht op advies/);
    await axeEverywhere(page, 'meldcode with signals');
  });

  await withPage(b, 'meldcode-aandachtsfunctionaris', async (page) => {
    await login(page, 'aandacht');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldcode' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open meldcodetrajecten' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Ruben Meijer' }) });
    assert.match(await row.innerText(), /advies gevraagd sinds \d{2}-\d{2}-\d{4}/);
    assert.match(await row.innerText(), /Fatima El Amrani/);
    assert.doesNotMatch(await mainText(page), /striem/, 'the overview shows no content');
    await axeEverywhere(page, 'meldcode overview');
    await row.getByRole('link', { name: 'Ruben Meijer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldcode — Ruben Meijer' }).waitFor();
    // Without a care relation: the trajectory and the advice form, nothing else.
    assert.equal(await page.locator('#form-signaal').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Terug naar het dossier' }).count(), 0);
    const advice = page.locator('#form-advies');
    await advice.getByLabel('Uw advies').fill('Praat eerst met Ruben alleen.\nBel daarna Veilig Thuis voor advies als je twijfelt.');
    await submit(page, 'form-advies', 'Uw advies vastleggen');
    const consult = await page.getByRole('region', { name: 'Stap 2: overleg en advies' }).innerText();
    assert.match(consult, /beantwoord op/);
    assert.match(consult, /overleg met de aandachtsfunctionaris \(Chantal Dijkstra\)/);
    assert.match(consult, /Praat eerst met Ruben alleen\.\nBel daarna/);
    await axeEverywhere(page, 'meldcode as aandachtsfunctionaris');
  });

  await withPage(b, 'meldcode-professional-2', async (page) => {
    await login(page, 'wijkteam');
    await page.goto(`${BASE}${trajectory}`);
    // The conversation is the next step, with its form right there.
    assert.match(await mainText(page), /Volgende stap Stap 3: praten met de betrokkenen/);
    const talk = page.locator('#form-gesprek');
    await talk.getByRole('radio', { name: 'Ja, ik heb het gesprek gevoerd' }).check();
    await talk.getByLabel('Met wie?').fill('Ruben en zijn moeder');
    await talk.getByLabel('Wat heeft u besproken, en hoe reageerden zij?').fill('Moeder ontkent. Ruben zegt niets meer als zij erbij is.');
    await submit(page, 'form-gesprek', 'Gesprek vastleggen');

    // The afwegingskader: question 1 yes, question 2 yes (structural unsafety).
    assert.match(await mainText(page), /Beantwoord vraag 1 van het afwegingskader/);
    let weigh = page.locator('#form-afweging');
    assert.ok(await weigh.getByRole('radio', { name: /^1\. / }).isChecked(), 'the asked question is preselected');
    await weigh.getByRole('group', { name: 'Uw antwoord' }).getByRole('radio', { name: 'Ja' }).check();
    await weigh.getByLabel('Uw redenen').fill('Ruben vertelt het zelf, en ik zag de striem.');
    await submit(page, 'form-afweging', 'Afwegingsvraag beantwoorden');
    weigh = page.locator('#form-afweging');
    assert.ok(await weigh.getByRole('radio', { name: /^2\. / }).isChecked());
    // Where question 2 is asked, the definitions of acute and structural unsafety.
    const q2 = page.locator('#vraag-2');
    assert.match(await q2.innerText(), /Acute onveiligheid:/);
    assert.match(await q2.innerText(), /Structurele onveiligheid:/);
    assert.match(await q2.innerText(), /Afwegingskadermeldcode\.nl/);
    await weigh.getByRole('group', { name: 'Uw antwoord' }).getByRole('radio', { name: 'Ja' }).check();
    await weigh.getByLabel('Uw redenen').fill('Het gebeurt al maanden, steeds als hij te laat is: structureel.');
    await submit(page, 'form-afweging', 'Afwegingsvraag beantwoorden');
    const framework = await page.getByRole('region', { name: 'Stap 4 en 5: het afwegingskader' }).innerText();
    assert.match(framework, /Volgens het afwegingskader volgt hieruit: melden bij Veilig Thuis; de vragen 3 tot en met 5 beantwoordt u daarna samen met Veilig Thuis\./);
    assert.match(framework, /bij acute of structurele onveiligheid meldt u altijd bij Veilig Thuis/);
    assert.match(framework, /U beslist zelf/);

    // The decision: report, no own help.
    const decide = page.locator('#form-besluit');
    await decide.getByRole('group', { name: 'Besluit 1: doet u een melding bij Veilig Thuis?' }).getByRole('radio', { name: 'Ja' }).check();
    await decide.getByRole('group', { name: 'Besluit 2: biedt of regelt u (ook) zelf hulp?' }).getByRole('radio', { name: 'Nee' }).check();
    await decide.getByLabel('Uw redenen voor deze besluiten').fill('Structurele onveiligheid: melden is de norm.');
    await submit(page, 'form-besluit', 'Besluit vastleggen');
    assert.match(await mainText(page), /U besloot te melden/);
    await axeEverywhere(page, 'meldcode decided');

    // From weighing to reporting in one move: the pre-filled deliberation.
    await Promise.all([page.waitForURL(DRAFT_URL), page.getByRole('button', { name: 'Beraad: wat deelt u met Veilig Thuis?' }).click()]);
    assert.match(await mainText(page), /Dit beraad begon vanuit het meldcodetraject/);
    const given = await page.getByRole('region', { name: 'Uw antwoorden tot nu toe' }).innerText();
    assert.match(given, /Veilig Thuis uit het meldcodetraject/);
    assert.match(given, /kindermishandeling of huiselijk geweld uit het meldcodetraject/);
    assert.deepEqual(await axe(page, 'deliberation started from the meldcode'), []);
    const asked = await answerAll(page, RUBEN_VEILIG_THUIS);
    for (const f of ['recipient_role', 'purpose', 'suspicion_domestic_violence_or_child_abuse', 'sender_role']) {
      assert.ok(!asked.includes(f), `${f} comes from the trajectory and is not asked`);
    }
    await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    // Weigh where the answer asks for it (the meldrecht's own weighing).
    for (let i = 0; i < 3; i++) {
      const weighLink = page.getByRole('link', { name: /^Weeg zelf af:/ }).first();
      if (!(await weighLink.count())) break;
      await weighLink.click();
      const criteria = page.locator('main form fieldset');
      const n = await criteria.count();
      for (let j = 0; j < n; j++) {
        await criteria.nth(j).getByRole('radio', { name: 'Ja' }).check();
        await criteria.nth(j).getByRole('textbox').fill(`Afweging van de wijkteammedewerker bij criterium ${j + 1}.`);
      }
      await page.getByRole('button', { name: 'Afweging opslaan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Het antwoord' }).waitFor();
    }
    assert.equal(await page.getByRole('link', { name: 'Terug naar het meldcodetraject' }).count(), 1);
    await page.getByRole('button', { name: 'Leg dit beraad vast in het dossier' }).click();
    await page.waitForURL(/\/beraad\/\d+\/besluit\?vastgelegd=1$/);
    assert.equal(await page.getByRole('link', { name: 'Terug naar het meldcodetraject' }).count(), 1);
    await page.getByRole('group', { name: 'Heeft u gedeeld (of gaat u delen)?' }).getByLabel('Ja').check();
    await page.getByLabel('Wat (alleen wat nodig is)').fill('Wat Ruben vertelde, wat ik zag en het gesprek met moeder.');
    await page.getByRole('group', { name: 'Is de cliënt geïnformeerd?' }).getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Zo ja: wanneer en hoe').fill('Ruben en moeder vandaag, telefonisch');
    await page.getByLabel('Uw redenen').fill('Meldrecht; structurele onveiligheid.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.waitForURL(/\/dossier\/\d+\?vastgelegd=1$/);

    // Back to the trajectory: the report form offers the deliberation with Veilig Thuis.
    await page.goto(`${BASE}${trajectory}`);
    const report = page.locator('#form-melding');
    const chosen = await report.getByLabel(/^Op welk beraad of besluit/).evaluate((s) => s.options[s.selectedIndex].text);
    assert.match(chosen, /^Beraad, dossierregel \d+ .*ontvanger: Veilig Thuis/);
    await report.getByLabel(/^Wie heeft u over de melding verteld/).fill('Moeder, telefonisch. Zij was boos maar begreep het.');
    await report.getByLabel(/^Welke afspraken maakte u met Veilig Thuis/).fill('Veilig Thuis belt binnen vijf werkdagen terug.');
    await submit(page, 'form-melding', 'Melding vastleggen');
    const reported = await page.getByRole('region', { name: 'Melding, terugkoppeling en afsluiting' }).innerText();
    assert.match(reported, /melding bij Veilig Thuis gedaan — op grond van dossierregel \d+/);
    assert.match(reported, /Veilig Thuis belt binnen vijf werkdagen terug\./);
    await axeEverywhere(page, 'meldcode reported');

    // The dossier shows the trajectory and leads to it.
    await page.getByRole('link', { name: 'Terug naar het dossier' }).click();
    const section = page.getByRole('region', { name: 'Meldcode' });
    assert.match(await section.innerText(), /open Open sinds/);
    await section.getByRole('link', { name: 'Naar het meldcodetraject' }).waitFor();
  });
});

// --- keyboard only ---------------------------------------------------------------------------------

test('meldcode: een stap met alleen het toetsenbord, met regelovergang in de tekst', () =>
  withPage(b, 'meldcode-keyboard', async (page) => {
    await login(page, 'wijkteam');
    const milan = await clientId(page, 'Milan Hoekstra');
    await page.goto(`${BASE}/clienten/${milan}/meldcode`);
    // The next step is a consultation; its form is right there.
    assert.match(await mainText(page), /Volgende stap Stap 2: overleggen/);
    await page.getByRole('link', { name: 'Grondslag', exact: true }).focus();
    const radio = await tabUntil(page, (f) => f.name === 'met' && f.type === 'radio', 'the choice of whom you consulted', { max: 60 });
    assert.equal(radio.value, 'aandachtsfunctionaris');
    // Space checks the first option, the arrow key moves to "een deskundige collega".
    await press(page, 'Space');
    const colleague = await press(page, 'ArrowDown');
    assert.ok(colleague.checked && colleague.value === 'colleague');
    assert.equal((await press(page, 'Tab')).name, 'wie');
    await page.keyboard.type('Ilse, jeugdverpleegkundige');
    assert.equal((await press(page, 'Tab')).name, 'advies');
    await page.keyboard.type('Let op de blauwe plekken.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Spreek de ouders samen met haar.');
    const button = await press(page, 'Tab');
    assert.equal(button.text, 'Overleg vastleggen');
    await Promise.all([page.waitForURL(/\/meldcode\?vastgelegd=\d+#regel-\d+$/), page.keyboard.press('Enter')]);
    const consult = await page.getByRole('region', { name: 'Stap 2: overleg en advies' }).innerText();
    assert.match(consult, /overleg met een deskundige collega \(Ilse, jeugdverpleegkundige\)/);
    assert.match(consult, /Let op de blauwe plekken\.\nSpreek de ouders samen met haar\./);
    assert.match(consult, /wacht op advies/, "a colleague's advice does not answer the request to the aandachtsfunctionaris");
  }));

// --- the overview ------------------------------------------------------------------------------------

test('meldcode: het overzicht van de aandachtsfunctionaris markeert het stilliggende traject als achterstallig', () =>
  withPage(b, 'meldcode-overdue', async (page) => {
    await login(page, 'aandacht');
    await page.goto(`${BASE}/meldcode`);
    assert.match(await page.getByRole('status').innerText(), /Achterstallig: langer dan 14 dagen niets vastgelegd\./);
    const rows = page.locator('tbody tr');
    const yara = rows.filter({ has: page.getByRole('link', { name: 'Yara Peters' }) });
    assert.match(await yara.innerText(), /achterstallig/);
    assert.match(await yara.innerText(), /2[0-9] dagen/);
    assert.match(await rows.first().innerText(), /achterstallig|acuut gevaar/, 'overdue (or acute) trajectories come first');
    const milan = rows.filter({ has: page.getByRole('link', { name: 'Milan Hoekstra' }) });
    assert.doesNotMatch(await milan.innerText(), /achterstallig/);
    // Another number of days; a bad number is a clear message.
    await page.getByLabel('Achterstallig na hoeveel dagen zonder voortgang?').fill('30');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/dagen=30/);
    assert.doesNotMatch(await rows.filter({ has: page.getByRole('link', { name: 'Yara Peters' }) }).innerText(), /achterstallig/);
    await page.goto(`${BASE}/meldcode?dagen=veel`);
    assert.match(await page.getByRole('alert').innerText(), /heel getal van 1 tot en met 365/);
    assert.deepEqual(await axe(page, 'meldcode overview (error)'), []);
  }));

/** The header's parts that must share one line: brand, acute danger, menu and who is signed in. */
async function headerLayout(page) {
  return page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const nav = box(document.querySelector('nav.main'));
    const who = box(document.querySelector('header.top .who'));
    const items = [...document.querySelectorAll('nav.main li')].map((li) => Math.round(box(li).top));
    return {
      menuOneLine: new Set(items).size === 1,
      whoBesideMenu: who.left >= nav.right && who.top < nav.bottom && who.bottom > nav.top,
      overlap: !(who.left >= nav.right || who.top >= nav.bottom || nav.left >= who.right || nav.top >= who.bottom),
      sideways: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

test('meldcode: het menu van de aandachtsfunctionaris past op één regel, en het overzicht blijft leesbaar', () =>
  withPage(b, 'meldcode-layout', async (page) => {
    await login(page, 'aandacht');
    for (const width of [1200, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${BASE}/meldcode`);
      for (const lang of ['nl', 'en']) {
        const l = await headerLayout(page);
        assert.ok(l.menuOneLine && l.whoBesideMenu && l.sideways <= 0, `header at ${width} px (${lang}) on one line: ${JSON.stringify(l)}`);
        await page.getByRole('button', { name: lang === 'nl' ? 'English' : 'Nederlands' }).click();
        await page.waitForLoadState('domcontentloaded');
      }
    }
    // A phone: the header wraps, without overlap or sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['nl', 'en']) {
      const l = await headerLayout(page);
      assert.ok(!l.overlap && l.sideways <= 0, `header at 390 px (${lang}): ${JSON.stringify(l)}`);
      await page.getByRole('button', { name: lang === 'nl' ? 'English' : 'Nederlands' }).click();
      await page.waitForLoadState('domcontentloaded');
    }
    // The overview at 1024 px: every step on one line, the table within the page.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${BASE}/meldcode`);
    const t = await page.evaluate(() => {
      const steps = [...document.querySelectorAll('ul.steps li')];
      const line = parseFloat(getComputedStyle(steps[0]).lineHeight);
      const wrap = document.querySelector('.table-wrap');
      return { tall: steps.filter((li) => li.getBoundingClientRect().height > line * 1.5).length, sideways: wrap.scrollWidth - wrap.clientWidth };
    });
    assert.deepEqual(t, { tall: 0, sideways: 0 }, 'each step one line, no sideways scrolling at 1024 px');
    assert.equal(await page.getByRole('columnheader', { name: 'Stappen' }).count(), 1);
  }));
