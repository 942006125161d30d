/**
 * The shared timer and dot voting in headless Chromium against a running server; saves PNGs:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/facilitation-shots.mjs
 * A facilitator signs up (or in), creates the demo workshop, opens the first employee day and its plenum
 * board; a participant joins with the session code in a second browser context. Then: a running timer on
 * both screens, a paused one, a vote with the vote bar and note controls, a refused cast, the results after
 * closing, and the list view sorted by votes.
 */
import { checks, createDemo, openEmployeeDay, shotBrowser, shotSettings, signUpOrIn } from './shotKit.mjs';

const settings = shotSettings('f');
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
check('participant has no timer controls', (await mette.getByTestId('timer-start').count()) === 0);
check('participant cannot open a vote', (await mette.getByTestId('vote-open').count()) === 0);

// Timer: the start menu, then 5 minutes for everyone.
await fac.getByTestId('timer-start').click();
await fac.getByTestId('timer-minutes').fill('5');
await fac.screenshot({ path: out('01-timer-menu') });
await fac.getByTestId('timer-start-submit').click();
await fac.waitForSelector('[data-testid=timer][data-state=running]');
await mette.waitForSelector('[data-testid=timer][data-state=running]');
await fac.waitForTimeout(2200);
const facTime = await fac.getByTestId('timer').textContent();
const metteTime = await mette.getByTestId('timer').textContent();
check(`timer counts down (${facTime} / ${metteTime})`, /^04:5\d$/.test(facTime) && /^04:5\d$/.test(metteTime));
await fac.screenshot({ path: out('02-timer-running-facilitator') });
const titleWidth = (await fac.getByTestId('board-title').boundingBox())?.width ?? 0;
check(`board title stays visible beside the facilitator's tools (${Math.round(titleWidth)} px)`, titleWidth > 40);
await fac.setViewportSize({ width: 1280, height: 800 });
await fac.waitForTimeout(200);
await fac.screenshot({ path: out('02b-timer-running-facilitator-1280') });
await fac.setViewportSize({ width: 1440, height: 900 });
await mette.screenshot({ path: out('03-timer-running-participant') });
await fac.getByTestId('timer-add-minute').click();
await fac.getByTestId('timer-pause').click();
await mette.waitForSelector('[data-testid=timer][data-state=paused]');
const pausedText = await mette.getByTestId('timer').textContent();
check(`paused with the extra minute (${pausedText})`, /^05:5\d$/.test(pausedText));
await mette.screenshot({ path: out('04-timer-paused-participant') });
await fac.getByTestId('timer-resume').click();
await fac.waitForSelector('[data-testid=timer][data-state=running]');
// A short timer to see the end.
await fac.getByTestId('timer-start').click();
await fac.getByTestId('timer-minutes').fill('0.1');
await fac.getByTestId('timer-start-submit').click();
await mette.waitForSelector('[data-testid=timer][data-state=done]', { timeout: 15_000 });
await mette.waitForTimeout(600);
await mette.screenshot({ path: out('05-timer-done-participant') });
await fac.getByTestId('timer-clear').click();
await fac.getByTestId('timer-clear-yes').click();
await mette.waitForSelector('[data-testid=timer]', { state: 'detached' });
check('cleared timer disappears for everyone', (await mette.getByTestId('timer').count()) === 0);

// Dot vote: 3 votes, at most 2 per note.
await fac.getByTestId('vote-open').click();
await fac.getByTestId('vote-budget').fill('3');
await fac.getByTestId('vote-max-per-note').fill('2');
await fac.screenshot({ path: out('06-vote-form') });
await fac.getByTestId('vote-open-submit').click();
await mette.waitForSelector('[data-testid=vote-remaining]:has-text("3")');
const notes = mette.getByTestId('note');
const first = notes.nth(0);
const second = notes.nth(1);
await first.getByTestId('vote-up').click();
await mette.waitForFunction(
  () => document.querySelector('[data-testid=note] [data-testid=my-votes]')?.textContent?.trim() === '1',
);
await first.getByTestId('vote-up').click();
await mette.waitForFunction(
  () => document.querySelector('[data-testid=note] [data-testid=my-votes]')?.textContent?.trim() === '2',
);
await first.getByTestId('vote-up').click();
await mette.waitForSelector('[data-testid=vote-error]');
check('third vote on one note is refused', (await first.getByTestId('my-votes').textContent()) === '2');
await mette.screenshot({ path: out('08-vote-refused-participant') });
// Keyboard: Tab to the second note's ＋ and press Enter.
await second.getByTestId('vote-up').focus();
await mette.keyboard.press('Enter');
await mette.waitForSelector('[data-testid=vote-remaining]:has-text("0")');
await second.getByTestId('vote-up').click();
await mette.waitForFunction(() =>
  /all|alle/i.test(document.querySelector('[data-testid=vote-error]')?.textContent ?? ''),
);
check('budget refusal says so', true);
// The facilitator votes too.
await fac.getByTestId('note').nth(1).getByTestId('vote-up').click();
await fac.getByTestId('note').nth(2).getByTestId('vote-up').click();
await fac.waitForSelector('[data-testid=vote-remaining]:has-text("3")');
await mette.getByTestId('vote-error').getByRole('button').click();
await mette.screenshot({ path: out('07-vote-open-participant') });
await fac.screenshot({ path: out('09-vote-open-facilitator') });
check('others’ votes are not shown while open', (await mette.getByTestId('vote-total').count()) === 0);

// Close: totals on every note.
await fac.getByTestId('vote-close').click();
await mette.waitForSelector('[data-testid=vote-total]');
const totals = await mette.getByTestId('vote-total').allTextContents();
const noteCount = await mette.getByTestId('note').count();
check(`every visible note shows its total (${totals.length}/${noteCount})`, totals.length === noteCount);
check('vote controls are gone after close', (await mette.getByTestId('vote-up').count()) === 0);
await mette.screenshot({ path: out('10-results-participant') });
await fac.screenshot({ path: out('11-results-facilitator') });

// List view, sorted by votes.
await mette.getByTestId('list-view-toggle').click();
await mette.waitForSelector('[data-testid=list-view]');
await mette.getByTestId('sort-by-votes').click();
await mette.waitForSelector('[data-testid=list-ranking]');
await mette.mouse.move(10, 500);
await mette.waitForTimeout(300);
const ranked = await mette
  .locator('[data-testid=list-note] [data-testid=vote-total]')
  .evaluateAll((els) => els.map((e) => Number(e.textContent)));
check(
  `list sorted by votes, highest first (${ranked.slice(0, 5).join(', ')}…)`,
  ranked.every((n, i) => i === 0 || ranked[i - 1] >= n),
);
await mette.screenshot({ path: out('12-list-sorted-participant') });

// A vote in the list view: the facilitator opens a new round, the participant votes with the keyboard.
await fac.getByTestId('vote-open').click();
await fac.getByTestId('vote-open-submit').click();
await mette.waitForSelector('[data-testid=list-note] [data-testid=vote-up]');
await mette.locator('[data-testid=list-note]').first().getByTestId('vote-up').click();
await mette.waitForSelector('[data-testid=vote-remaining]:has-text("4")');
await mette.screenshot({ path: out('13-list-vote-open-participant') });

// A read-only viewer: sees that a vote is under way and, after it closes, the totals — never vote controls.
const viewer = await context(null);
await viewer.goto(viewerInvite);
await viewer.getByTestId('invite-name-input').fill('Borgmester Bo');
await viewer.getByTestId('invite-submit').click();
await viewer.waitForURL(/\/(b|w)\//);
await viewer.goto(boardUrl);
await viewer.waitForSelector('[data-testid=read-only-badge]');
await viewer.waitForSelector('[data-testid=vote-bar]');
check('a read-only viewer gets no vote controls', (await viewer.getByTestId('vote-up').count()) === 0);
check('a read-only viewer has no budget', (await viewer.getByTestId('vote-remaining').count()) === 0);
await viewer.screenshot({ path: out('14-vote-open-viewer') });
await fac.getByTestId('vote-close').click();
await viewer.waitForSelector('[data-testid=vote-total]');
check('a read-only viewer sees the totals', (await viewer.getByTestId('vote-total').count()) > 0);
await viewer.screenshot({ path: out('15-results-viewer') });

console.log(logs.join('\n'));
await browser.close();
process.exit(failures() > 0 ? 1 : 0);
