/**
 * Phones and the big screen in headless Chromium against a running server; saves PNGs:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/devices-shots.mjs
 * Signs up (or in), creates a demo workshop, opens its first employee day; a participant joins on a
 * 390×844 touch phone (write mode, a note written, the canvas with a note selected); the facilitator's
 * board at 1366×900 with the anonymous switch open; follow mode at 156 % on the 1920×1080 big screen and the phone.
 */
import { createDemo, openEmployeeDay, shotBrowser, shotSettings, signUpOrIn } from './shotKit.mjs';

const settings = shotSettings('d', { lang: 'da' });
const { base, lang, out, outDir } = settings;
const { browser, logs, context } = await shotBrowser(settings);

const fac = await context('Lise Facilitator', { width: 1366, height: 900 });
await signUpOrIn(fac, base);
await createDemo(fac);
await openEmployeeDay(fac, lang);
await fac.waitForSelector('[data-testid=join-code]');
const code = (await fac.getByTestId('join-code').textContent()).replace(/\s/g, '');
const plenumId = await fac
  .locator('[data-testid=session-board-link][data-board-kind=plenum]')
  .first()
  .getAttribute('data-board-id');
await fac.goto(`${base}/b/${plenumId}`);
await fac.waitForSelector('[data-testid=connection-status][data-state=connected]');

const phone = await context('Karen Bech', { width: 390, height: 844 }, { isMobile: true, hasTouch: true });
await phone.goto(`${base}/join?code=${code}`);
await phone.getByTestId('join-name-input').fill('Karen Bech');
await phone.getByTestId('join-submit').click();
await phone.waitForURL(/\/(b|w)\//);
if (!phone.url().includes('/b/')) await phone.goto(`${base}/b/${plenumId}`);
await phone.waitForSelector('[data-testid=connection-status][data-state=connected]');
await phone.waitForSelector('[data-testid=write-view]');
await phone.screenshot({ path: out('01-write-empty') });
await phone.getByTestId('composer-text').fill('Én indgang for virksomheder, med en fast kontaktperson');
await phone.getByTestId('composer-add').tap();
await phone.getByTestId('composer-text').fill('x'.repeat(1850));
await phone.getByTestId('composer-text').focus();
await phone.screenshot({ path: out('02-write-near-limit') });
await phone.getByTestId('composer-text').fill('');
await phone.screenshot({ path: out('03-write-full'), fullPage: true });
await phone.getByTestId('canvas-view-toggle').tap();
await phone.waitForSelector('[data-testid=board-canvas]');
await phone.screenshot({ path: out('04-canvas') });
await phone.locator('[data-testid=note]').first().tap();
await phone.waitForSelector('[data-testid=selection-toolbar]');
await phone.screenshot({ path: out('05-canvas-selected') });

await fac.getByTestId('anonymous-settings').click();
await fac.waitForSelector('[data-testid=anonymous-panel]');
await fac.screenshot({ path: out('06-anonymous-switch') });

await fac.keyboard.press('Escape');
// Follow mode at 156 %: the big screen (1920×1080) and the phone show the facilitator's board rectangle.
await fac.getByTestId('zoom-level').click();
await fac.getByTestId('zoom-in').click();
await fac.getByTestId('zoom-in').click();
await fac.getByTestId('follow-toggle').click();
await fac.screenshot({ path: out('07-facilitator-leading') });
const screen = await context('Screen', { width: 1920, height: 1080 });
await screen.context().addCookies(await fac.context().cookies());
await screen.goto(`${base}/b/${plenumId}/screen`);
await screen.waitForSelector('[data-testid=big-screen]');
await screen.waitForTimeout(1500);
await screen.screenshot({ path: out('08-big-screen-following') });
await phone.getByTestId('canvas-view-toggle').tap();
await phone.waitForTimeout(1500);
await phone.screenshot({ path: out('09-phone-following') });

console.log(`shots in ${outDir}`);
if (logs.length) console.log(logs.join('\n'));
await browser.close();
