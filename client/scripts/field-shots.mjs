/**
 * What a facilitator and a participant meet on a laptop (1366 px) and a phone (390 px), in headless Chromium against
 * a running server; saves PNGs and prints check lines:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/field-shots.mjs
 * Laptop: the board header with a running timer, the shortcuts dialog, a participant's room banner below the
 * private-writing strip, the participant offline. Phone: the facilitator's two-row header with a refused command's
 * message below it, the live tools folded, a participant's table name whole, and the canvas's toolbars (two tidy
 * rows each); no 404 in any console.
 */
import {
  checks,
  createDemo,
  openEmployeeDay,
  openSessionPlenum,
  shotBrowser,
  shotSettings,
  signUpOrIn,
} from './shotKit.mjs';

const settings = shotSettings('field', { lang: 'da' });
const { base, lang, out } = settings;
const { check, failures } = checks();
const { browser, logs, context } = await shotBrowser(settings);
const laptop = { width: 1366, height: 768 };
const phoneSize = { width: 390, height: 844 };
const touch = { isMobile: true, hasTouch: true };

const fac = await context('Lise Facilitator', laptop);
await signUpOrIn(fac, base);
await createDemo(fac);
await openEmployeeDay(fac, lang);
const { code, boardUrl } = await openSessionPlenum(fac, base);

// ---- laptop: header with a running timer, the shortcuts dialog ------------------------------------------------
await fac.getByTestId('timer-start').click();
await fac.getByTestId('timer-preset-5').click();
await fac.waitForSelector('[data-testid=timer][data-state=running]');
await fac.screenshot({ path: out('01-laptop-header-timer') });
const header = await fac.locator('.app-header').boundingBox();
check(`the laptop header keeps one row with a timer (${header?.height} px)`, (header?.height ?? 0) <= 61);
await fac.getByTestId('shortcuts-help-open').click();
await fac.waitForSelector('[data-testid=shortcuts-help-dialog][open]');
await fac.screenshot({ path: out('02-laptop-shortcuts') });
await fac.keyboard.press('Escape');

// ---- laptop: a participant's banner below the private-writing strip, then offline ------------------------------
const mette = await context('Mette Hansen', laptop);
await mette.goto(`${base}/join?code=${code}`);
await mette.getByTestId('join-name-input').fill('Mette Hansen');
await mette.getByTestId('join-submit').click();
await mette.waitForURL(/\/b\//);
await mette.waitForSelector('[data-testid=connection-status][data-state=connected]');
await fac.getByTestId('private-writing-toggle').click();
await mette.goto(boardUrl);
await mette.waitForSelector('[data-testid=private-writing-banner]');
await mette.screenshot({ path: out('03-laptop-strip-and-banner') });
const strip = await mette.getByTestId('private-writing-banner').boundingBox();
const roomBanner = await mette.getByTestId('room-banner').boundingBox();
check(
  'the room banner (if shown) starts below the strip',
  !roomBanner || !strip || roomBanner.y >= strip.y + strip.height,
);
await fac.getByTestId('private-writing-reveal').click();
await mette.waitForFunction(() => !document.querySelector('[data-testid=private-writing-banner]'));
await mette.context().setOffline(true);
await mette.waitForSelector('[data-testid=connection-status][data-state=offline]');
await mette.getByTestId('add-note').click();
await mette.waitForSelector('[data-testid=note][data-editing] textarea:focus');
await mette.keyboard.type('Ét sted at ringe ind for bygherrer');
await mette.keyboard.press('Escape');
await mette.waitForSelector('[data-testid=unsynced-changes]');
await mette.screenshot({ path: out('04-laptop-offline') });
await mette.context().setOffline(false);

// ---- phone: the facilitator's header, a refused command's message below it ------------------------------------
const facPhone = await context('Lise Facilitator', phoneSize, touch);
await facPhone.context().addCookies(await fac.context().cookies());
await facPhone.goto(boardUrl);
await facPhone.waitForSelector('[data-testid=connection-status][data-state=connected]');
await facPhone.waitForSelector('[data-testid=timer][data-state=running]');
// The phone loses the network; the vote cannot be sent, and says so.
await facPhone.context().setOffline(true);
await facPhone.getByTestId('vote-open').tap();
await facPhone.getByTestId('vote-open-submit').tap();
await facPhone.waitForSelector('[data-testid=facilitation-error]');
await facPhone.screenshot({ path: out('05-phone-refusal-form-open') });
await facPhone.getByText(lang === 'da' ? 'Annullér' : 'Cancel').tap();
await facPhone.screenshot({ path: out('06-phone-refusal') });
check(
  'the vote form stays on the phone screen',
  await facPhone.evaluate(() => document.documentElement.scrollWidth <= 390),
);
const placed = await facPhone.evaluate(() => {
  const box = (selector) => document.querySelector(selector)?.getBoundingClientRect();
  const controls = box('[data-testid=vote-open]');
  const error = box('[data-testid=facilitation-error]');
  const strip = box('.banner-offline');
  return !!controls && !!error && !!strip && error.top >= controls.bottom && error.bottom <= strip.top;
});
check('the refusal is a row under the timer and vote controls, above the offline strip', placed);
await facPhone.context().setOffline(false);
await facPhone.getByTestId('facilitation-error').getByRole('button').tap();
await facPhone.getByTestId('canvas-view-toggle').tap();
await facPhone.waitForSelector('[data-testid=board-canvas]');
await facPhone.screenshot({ path: out('06b-phone-facilitator-canvas') });
const tools = await facPhone.getByTestId('live-tools').boundingBox();
check(
  `the live tools fold to one button over the canvas (${Math.round(tools?.height ?? 0)} px tall)`,
  (tools?.height ?? 99) <= 48,
);

// ---- phone: a participant's canvas toolbars ---------------------------------------------------------------------
const karen = await context('Karen Bech', phoneSize, touch);
await karen.goto(`${base}/join?code=${code}`);
await karen.getByTestId('join-name-input').fill('Karen Bech');
await karen.getByTestId('join-submit').click();
await karen.waitForURL(/\/b\//);
await karen.waitForSelector('[data-testid=write-view]');
await karen.getByTestId('canvas-view-toggle').tap();
await karen.waitForSelector('[data-testid=board-canvas]');
await karen.locator('[data-testid=note]').first().tap();
await karen.waitForSelector('[data-testid=selection-toolbar]');
await karen.screenshot({ path: out('07-phone-toolbars') });
const tableName = await karen.getByTestId('board-title-name').evaluate((element) => {
  const text = document.createRange();
  text.selectNodeContents(element);
  return {
    name: element.textContent,
    whole: text.getBoundingClientRect().width <= element.getBoundingClientRect().width + 0.5,
  };
});
check(`the participant's header shows her table whole ("${tableName.name}")`, tableName.whole);
const rows = await karen.evaluate(() =>
  ['add-note', 'add-cluster', 'undo', 'redo', 'zoom-fit'].map(
    (id) => document.querySelector(`[data-testid=${id}]`)?.getBoundingClientRect().top ?? -1,
  ),
);
check(
  `adding has the first row, undo, redo and zoom share the second (${rows.map(Math.round).join(', ')})`,
  rows[0] === rows[1] && rows[2] === rows[3] && rows[3] === rows[4] && (rows[2] ?? 0) > (rows[0] ?? 0),
);
const scrollsSideways = await karen.evaluate(() => document.documentElement.scrollWidth > 390);
check('no sideways scroll at 390 px', !scrollsSideways);

for (const line of logs) console.log(line);
check('no 404 in any console after joining', !logs.some((line) => line.includes('404')));
await browser.close();
console.log(failures() === 0 ? 'all checks passed' : `${failures()} checks failed`);
process.exit(failures() === 0 ? 0 : 1);
