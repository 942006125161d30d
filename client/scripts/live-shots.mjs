/**
 * Private writing, follow mode, the big screen and offline editing in headless Chromium against a running server:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/live-shots.mjs
 * A facilitator signs up (or in), creates the demo workshop, opens the first employee day and its plenum
 * board; a participant joins with the session code in a second browser context. Then: private writing from
 * both sides and the reveal; follow mode from the follower's side; the big screen with the timer, a
 * spotlighted theme and vote results; and a participant editing offline, closing the tab, and coming back.
 */
import { checks, createDemo, openEmployeeDay, shotBrowser, shotSettings, signUpOrIn } from './shotKit.mjs';

const settings = shotSettings('live');
const { base, lang, out } = settings;
const { check, failures } = checks();
const { browser, logs, context } = await shotBrowser(settings);

// Facilitator: account, demo workshop, open the first employee day.
const fac = await context('Lise Facilitator');
await signUpOrIn(fac, base);
await createDemo(fac);
await openEmployeeDay(fac, lang);
await fac.waitForSelector('[data-testid=join-code]');
const code = (await fac.getByTestId('join-code').textContent()).trim();
await fac.getByTestId('invite-viewer').click();
await fac.waitForSelector('[data-testid=invite-url]');
const viewerInvite = (await fac.getByTestId('invite-url').textContent()).trim();
const plenumId = await fac
  .locator('[data-testid=session-board-link][data-board-kind=plenum]')
  .first()
  .getAttribute('data-board-id');
const boardUrl = `${base}/b/${plenumId}`;
const workshopUrl = fac.url();
await fac.goto(boardUrl);
await fac.waitForSelector('[data-testid=connection-status][data-state=connected]');
await fac.waitForSelector('[data-testid=note]');

// Participant joins with the code.
const mette = await context(null);
await mette.goto(`${base}/join?code=${code}`);
await mette.getByTestId('join-name-input').fill('Mette Hansen');
await mette.getByTestId('join-department-input').fill('Erhverv');
await mette.getByTestId('join-submit').click();
await mette.waitForURL(/\/(b|w)\//);
await mette.goto(boardUrl);
await mette.waitForSelector('[data-testid=connection-status][data-state=connected]');
await mette.waitForSelector('[data-testid=note]');
const metteCtx = mette.context();

// ---- 1. Private writing ---------------------------------------------------------------------------------
check('participant has no private writing toggle', (await mette.getByTestId('private-writing-toggle').count()) === 0);
await fac.getByTestId('private-writing-toggle').click();
await mette.waitForSelector('[data-testid=private-writing-banner]');
await fac.waitForSelector('[data-testid=private-writing-reveal]');
const secret = lang === 'da' ? 'Én indgang for virksomheder' : 'One front door for businesses';
await mette.getByTestId('add-note').click();
await mette.waitForSelector('[data-testid=draft-note] textarea:focus');
await mette.keyboard.type(secret);
await mette.keyboard.press('Escape');
// A second draft with the keyboard: N.
await mette.keyboard.press('Escape');
await mette.keyboard.press('n');
await mette.waitForSelector('[data-testid=draft-note] >> nth=1');
await mette.keyboard.type(lang === 'da' ? 'Svar inden for 48 timer' : 'Answer within 48 hours');
await mette.keyboard.press('Escape');
await mette.waitForTimeout(500);
check('participant sees two drafts', (await mette.getByTestId('draft-note').count()) === 2);
await mette.screenshot({ path: out('01-private-writing-participant') });
const noteTexts = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid=note] textarea')].map((t) => t.value).join('|'));
check("the facilitator's board does not show the participant's drafts", !(await noteTexts(fac)).includes(secret));
// A viewer (read-only) sees the banner only.
const viewer = await context('Vera Viewer');
await viewer.goto(viewerInvite);
await viewer.getByTestId('invite-name-input').fill('Vera Viewer');
await viewer.getByTestId('invite-submit').click();
await viewer.waitForURL(/\/(b|w)\//);
await viewer.goto(boardUrl);
await viewer.waitForSelector('[data-testid=private-writing-banner][data-role=reader]');
check(
  'a viewer sees no drafts',
  (await viewer.getByTestId('draft-note').count()) === 0 && !(await noteTexts(viewer)).includes(secret),
);
await viewer.screenshot({ path: out('02b-private-writing-viewer') });
await viewer.close();
await fac.screenshot({ path: out('02-private-writing-facilitator') });

// Reveal.
await fac.getByTestId('private-writing-reveal').click();
await fac.waitForSelector('[data-testid=private-writing-revealed]');
const revealedText = await fac.getByTestId('private-writing-revealed').textContent();
check(`reveal says how many (${revealedText})`, /2/.test(revealedText ?? ''));
await mette.waitForFunction(() => document.querySelectorAll('[data-testid=draft-note]').length === 0);
await fac.waitForFunction(
  (text) => [...document.querySelectorAll('[data-testid=note] textarea')].some((t) => t.value === text),
  secret,
);
await mette.waitForFunction(
  (text) => [...document.querySelectorAll('[data-testid=note] textarea')].some((t) => t.value === text),
  secret,
);
check('banner is gone after the reveal', (await mette.getByTestId('private-writing-banner').count()) === 0);
await fac.screenshot({ path: out('03-revealed-facilitator') });
await mette.screenshot({ path: out('04-revealed-participant') });
// A second round starts clean: the revealed drafts do not come back from this device's copy.
await fac.getByTestId('private-writing-toggle').click();
await mette.waitForSelector('[data-testid=private-writing-banner]');
await mette.waitForTimeout(800);
check('a new round shows no old drafts', (await mette.getByTestId('draft-note').count()) === 0);
await fac.getByTestId('private-writing-reveal').click();
await mette.waitForFunction(() => !document.querySelector('[data-testid=private-writing-banner]'));

// ---- 2. Follow mode ------------------------------------------------------------------------------------
await fac.getByTestId('follow-toggle').click();
await mette.waitForSelector('[data-testid=following-badge]');
await fac.getByTestId('zoom-in').click();
await fac.getByTestId('zoom-in').click();
await fac.locator('[data-testid=board-canvas]').hover();
await fac.mouse.wheel(300, 200);
await fac.waitForTimeout(1200);
const facZoom = await fac.getByTestId('board-canvas').getAttribute('data-zoom');
const metteZoom = await mette.getByTestId('board-canvas').getAttribute('data-zoom');
check(`follower has the facilitator's zoom (${facZoom} / ${metteZoom})`, facZoom === metteZoom);
await mette.screenshot({ path: out('05-following-participant') });
await fac.screenshot({ path: out('06-leading-facilitator') });

// ---- 3. Big screen: timer, spotlight, results ------------------------------------------------------------
await fac.getByTestId('timer-start').click();
await fac.getByTestId('timer-preset-5').click();
await fac.waitForSelector('[data-testid=timer][data-state=running]');
const screen = await fac.context().newPage();
await screen.setViewportSize({ width: 1920, height: 1080 });
screen.on('pageerror', (e) => logs.push(`[screen pageerror] ${e.message}`));
await screen.goto(`${boardUrl}/screen`);
await screen.waitForSelector('[data-testid=big-screen] [data-testid=note]');
await screen.waitForSelector('[data-testid=big-screen-timer]');
await screen.waitForTimeout(800);
check('big screen has no header chrome', (await screen.locator('.app-header, header.header').count()) === 0);
await screen.screenshot({ path: out('07-big-screen-following') });
// Spotlight a theme: select it by its header, then the toolbar's spotlight.
await fac.getByTestId('zoom-fit').click();
await fac.locator('[data-testid=cluster-header]').first().click();
await fac.getByTestId('spotlight-cluster').click();
await screen.waitForSelector('[data-testid=big-screen][data-spotlight]');
await screen.waitForTimeout(800);
const onScreen = await screen.getByTestId('note').count();
check(`spotlight shows only that theme's notes (${onScreen})`, onScreen > 0);
await screen.screenshot({ path: out('08-big-screen-spotlight') });
await fac.screenshot({ path: out('09-spotlight-facilitator') });
await fac.getByTestId('spotlight-cluster').click();
await screen.waitForSelector('[data-testid=big-screen]:not([data-spotlight])');
// A quick vote, closed: the results on the big screen.
await fac.getByTestId('vote-open').click();
await fac.getByTestId('vote-open-submit').click();
await mette.waitForSelector('[data-testid=note] [data-testid=vote-up]');
await mette.getByTestId('note').first().getByTestId('vote-up').click();
await mette.getByTestId('note').nth(1).getByTestId('vote-up').click();
await mette.waitForTimeout(400);
await fac.getByTestId('vote-close').click();
await screen.waitForSelector('[data-testid=big-screen-results]');
await screen.waitForTimeout(600);
await screen.screenshot({ path: out('10-big-screen-results') });

// Stop following locally.
await mette.getByTestId('stop-following').click();
check('stop following hides the badge', (await mette.getByTestId('following-badge').count()) === 0);
await mette.screenshot({ path: out('11-stopped-following') });
await fac.getByTestId('follow-toggle').click();
await mette.waitForFunction(() => !document.querySelector('[data-testid=resume-following]'));

// ---- 4. Offline ------------------------------------------------------------------------------------------
const offlineText = lang === 'da' ? 'Skrevet uden net' : 'Written offline';
await metteCtx.setOffline(true);
await mette.waitForSelector('[data-testid=connection-status][data-state=offline]');
await mette.getByTestId('add-note').click();
await mette.waitForSelector('[data-testid=note][data-editing] textarea:focus');
await mette.keyboard.type(offlineText);
await mette.keyboard.press('Escape');
await mette.waitForSelector('[data-testid=unsynced-changes]');
const unsynced = await mette.getByTestId('unsynced-changes').textContent();
check(`badge counts unsynced changes (${unsynced})`, /\d/.test(unsynced ?? ''));
await mette.screenshot({ path: out('12-offline-participant') });
check('facilitator does not have the offline note yet', !(await noteTexts(fac)).includes(offlineText));
// Close the tab while offline, come back online, open the board again: the note comes from IndexedDB and syncs.
await mette.close();
await metteCtx.setOffline(false);
const again = await metteCtx.newPage();
again.on('pageerror', (e) => logs.push(`[participant pageerror] ${e.message}`));
await again.goto(boardUrl);
await again.waitForSelector('[data-testid=connection-status][data-state=connected]');
await fac.waitForFunction(
  (text) => [...document.querySelectorAll('[data-testid=note] textarea')].some((t) => t.value === text),
  offlineText,
  { timeout: 10_000 },
);
check('the offline note reached the board after the reload', true);
await again.waitForTimeout(500);
check('no unsynced changes left', (await again.getByTestId('unsynced-changes').count()) === 0);
await again.screenshot({ path: out('13-back-online-participant') });

// ---- 5. A write the server refuses (4403) does not come back from IndexedDB -----------------------------
// Offline, the participant writes; meanwhile the session ends and the board becomes read-only.
const refusedText = lang === 'da' ? 'Afvist ændring' : 'Refused change';
await metteCtx.setOffline(true);
await again.waitForSelector('[data-testid=connection-status][data-state=offline]');
await again.getByTestId('add-note').click();
await again.waitForSelector('[data-testid=note][data-editing] textarea:focus');
await again.keyboard.type(refusedText);
await again.keyboard.press('Escape');
await fac.goto(workshopUrl);
await fac.waitForSelector('[data-testid=end-session]');
await fac.getByTestId('end-session').click();
await fac.getByTestId('session-confirm-yes').click();
await fac.waitForSelector('[data-testid=reopen-session]');
await metteCtx.setOffline(false);
// The server refuses the offline change; the board reopens read-only on a fresh doc without it.
await again.waitForSelector('[data-testid=read-only-badge]', { timeout: 15_000 });
await again.waitForSelector('[data-testid=connection-status][data-state=connected]', { timeout: 15_000 });
await again.waitForTimeout(500);
const hasRefused = async (page) =>
  page.evaluate(
    (text) => [...document.querySelectorAll('[data-testid=note] textarea')].some((t) => t.value === text),
    refusedText,
  );
check('the refused note is gone after the 4403', !(await hasRefused(again)));
// What this device kept: open the board with the sync socket held back, so only IndexedDB fills it.
const local = await metteCtx.newPage();
await local.routeWebSocket(/\/sync\//, () => {});
await local.goto(boardUrl);
await local.waitForSelector('[data-testid=note]', { timeout: 30_000 }); // no socket: IndexedDB alone fills it (slow under load)
check('the local copy still has the board', (await local.getByTestId('note').count()) > 3);
check('the refused note does not come back from IndexedDB', !(await hasRefused(local)));
await local.close();
await again.reload();
await again.waitForSelector('[data-testid=connection-status][data-state=connected]');
await again.waitForSelector('[data-testid=note]');
check('nor after a reload with the server', !(await hasRefused(again)));
await again.screenshot({ path: out('14-refused-write-gone') });

for (const line of logs) console.log(line);
await browser.close();
console.log(failures() === 0 ? 'all checks passed' : `${failures()} checks failed`);
process.exit(failures() === 0 ? 0 : 1);
