/**
 * Questions to management, the evaluation and the home reflection in headless Chromium against a running server:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/tools-shots.mjs
 * A facilitator signs up (or in) and creates the demo workshop; a participant joins its open session by code on a
 * phone; a leader accepts an invite. Then: posting (anonymous and named), supporting, a leader's live answer with
 * its response time, hiding with a reason; opening, answering and closing an evaluation with live results and the
 * CSV; writing a reflection on the phone, its save status (also offline), and sharing a paragraph onto the plenum.
 */
import { checks, createDemo, shotBrowser, shotSettings, signUpOrIn } from './shotKit.mjs';

const settings = shotSettings('tools');
const { base, lang, out } = settings;
const da = lang === 'da';
const { check, failures } = checks();
const shots = await shotBrowser(settings);
const { browser, logs } = shots;
const context = (name, viewport = { width: 1366, height: 900 }) =>
  shots.context(name, viewport, {
    rememberName: false,
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });

// ---- facilitator, demo workshop, participant, leader --------------------------------------------------------
const fac = await context('facilitator');
await signUpOrIn(fac, base);
await createDemo(fac);
const workshopUrl = fac.url().replace(/\/$/, '');
const openTab = fac.locator('[data-testid=session-tab][data-status=open]');
if (await openTab.count()) await openTab.first().click();
await fac.waitForSelector('[data-testid=join-code]');
const code = (await fac.getByTestId('join-code').textContent()).trim();
check('the cockpit links to questions and evaluation', (await fac.getByTestId('questions-link').count()) === 1);
await fac.getByTestId('invite-leader').click();
await fac.waitForSelector('[data-testid=invite-url][data-role=leader]');
const leaderInvite = (await fac.getByTestId('invite-url').textContent()).trim();
await fac.screenshot({ path: out('00-cockpit'), fullPage: true });

const ada = await context('participant', { width: 390, height: 844 });
await ada.goto(`${base}/join?code=${code}`);
await ada.getByTestId('join-name-input').fill('Ada Jensen');
await ada.getByTestId('join-department-input').fill('Erhverv');
await ada.getByTestId('join-submit').click();
await ada.waitForURL(/\/(b|w)\//);
await ada.goto(workshopUrl);
await ada.waitForSelector('[data-testid=reflection-link]');
await ada.screenshot({ path: out('01-participant-home-phone'), fullPage: true });

const dorthe = await context('leader');
await dorthe.goto(leaderInvite);
await dorthe.getByTestId('invite-name-input').fill('Direktør Dorthe');
await dorthe.getByTestId('invite-submit').click();
await dorthe.waitForURL(/\/(b|w)\//);

// ---- 1. questions to management -------------------------------------------------------------------------------
const question = da
  ? 'Må vi selv aftale møder med lokale virksomheder?'
  : 'May we arrange meetings with local businesses ourselves?';
const proposal = da ? 'Fast kontaktperson for hver virksomhed' : 'One fixed contact person per business';
await ada.goto(`${workshopUrl}/questions`);
await ada.waitForSelector('[data-testid=questions-link][data-link=live]');
await ada.getByTestId('question-text').fill(question);
await ada.getByTestId('question-anonymous').check();
await ada.getByTestId('question-submit').click();
await ada.waitForSelector(`[data-testid=question]:has-text("${question}")`);
await ada.locator('[data-testid=question-kind] input[value=proposal]').check();
await ada.getByTestId('question-text').fill(proposal);
await ada.getByTestId('question-submit').click();
await ada.waitForSelector(`[data-testid=question]:has-text("${proposal}")`);
const anonCard = ada.locator(`[data-testid=question]:has-text("${question}")`);
check('an anonymous post shows no name', !(await anonCard.textContent()).includes('Ada'));
// "My posts" is asked for again after the public list shows the new post: wait for it.
await ada.waitForFunction(() => document.querySelectorAll('[data-testid=my-question]').length === 2);
check('both posts are in "my posts"', true);

await dorthe.goto(`${workshopUrl}/questions`);
await dorthe.waitForSelector(`[data-testid=question]:has-text("${question}")`);
const leaderCard = dorthe.locator(`[data-testid=question]:has-text("${question}")`);
await leaderCard.getByTestId('question-support').click();
await dorthe.waitForSelector(
  `[data-testid=question]:has-text("${question}") [data-testid=question-support][aria-pressed=true]`,
);
await ada.waitForFunction(
  (text) =>
    [...document.querySelectorAll('[data-testid=question]')]
      .find((q) => q.textContent.includes(text))
      ?.querySelector('[data-testid=question-supports]')?.textContent === '1',
  question,
);
check('the support count reaches the participant live', true);
await dorthe.screenshot({ path: out('02-questions-leader-before-answer'), fullPage: true });
const answer = da
  ? 'Ja — fra næste måned. Husk at orientere erhvervskontoret.'
  : 'Yes — from next month. Let the business office know.';
await leaderCard.getByTestId('question-answer-input').fill(answer);
await leaderCard.getByTestId('question-answer-submit').click();
await ada.waitForSelector('[data-testid=question][data-status=answered] [data-testid=question-answer]');
const responseTime = await ada.locator('[data-testid=question-response-time]').first().textContent();
check(`the answer appears live with a response time ("${responseTime}")`, /\d|under/.test(responseTime));
await ada.screenshot({ path: out('03-questions-participant-phone'), fullPage: true });
await dorthe.screenshot({ path: out('04-questions-leader'), fullPage: true });

await fac.goto(`${workshopUrl}/questions`);
await fac.waitForSelector(`[data-testid=question]:has-text("${proposal}")`);
const facCard = fac.locator(`[data-testid=question]:has-text("${proposal}")`);
await facCard.getByTestId('question-hide').click();
const reason = da ? 'Skriv det gerne som et konkret forslag til ledelsen' : 'Please phrase it as a concrete proposal';
await facCard.getByTestId('question-hide-reason').fill(reason);
await fac.screenshot({ path: out('05-questions-facilitator'), fullPage: true });
await facCard.getByTestId('question-hide-submit').click();
await ada.waitForSelector('[data-testid=my-question][data-hidden=true] [data-testid=my-question-reason]');
check(
  "the author sees the facilitator's reason",
  (await ada.getByTestId('my-question-reason').textContent()).includes(reason),
);
check(
  'the hidden post left the public list',
  (await ada.locator(`[data-testid=question]:has-text("${proposal}")`).count()) === 0,
);
await ada.getByTestId('my-question').first().scrollIntoViewIfNeeded();
await ada.screenshot({ path: out('06-questions-my-posts-phone'), fullPage: true });

// ---- 2. evaluation ----------------------------------------------------------------------------------------------
await fac.goto(`${workshopUrl}/evaluation`);
await fac.waitForSelector('[data-testid=evaluation-open]');
check('the form is prefilled with three questions', (await fac.getByTestId('evaluation-rating-label').count()) === 3);
await fac.screenshot({ path: out('07-evaluation-open-form'), fullPage: true });
await fac.getByTestId('evaluation-open-submit').click();
await fac.waitForSelector('[data-testid=evaluation-results]');

for (const [page, values, text] of [
  [ada, [4, 5, 3], da ? 'Flere virksomhedsbesøg, tak' : 'More business visits, please'],
  [dorthe, [5, 4, 4], ''],
]) {
  await page.goto(`${workshopUrl}/evaluation`);
  await page.waitForSelector('[data-testid=evaluation-rating]');
  const groups = page.getByTestId('evaluation-rating');
  for (let i = 0; i < values.length; i++) await groups.nth(i).locator(`input[value="${values[i]}"]`).check();
  if (text) await page.getByTestId('evaluation-text').fill(text);
  await page.getByTestId('evaluation-submit').click();
  await page.waitForSelector('[data-testid=evaluation-thanks]');
}
await ada.screenshot({ path: out('08-evaluation-form-phone'), fullPage: true });
await fac.waitForFunction(
  () => document.querySelector('[data-testid=evaluation-responses]')?.textContent === '2',
  null,
  {
    timeout: 8000,
  },
);
check('results update live (2 responses)', true);
check(
  'the first rating averages 4.5',
  /4[.,]5/.test(await fac.locator('[data-testid=evaluation-average][data-rating-id=r1]').textContent()),
);
await fac.waitForTimeout(600); // the bars glide to their new length
const csvHref = await fac.getByTestId('evaluation-csv').getAttribute('href');
const csv = await (await fac.request.get(`${base}${csvHref}`)).text();
check(
  'the CSV has a header and two rows',
  csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n').length === 3,
);
await fac.screenshot({ path: out('09-evaluation-results'), fullPage: true });
// Closing asks first (ConfirmButton).
await fac.getByTestId('evaluation-close').click();
await fac.getByTestId('evaluation-close-yes').click();
await fac.waitForSelector('[data-testid=evaluation-open]');
check('after closing, the facilitator can open a new evaluation', true);

// ---- 3. home reflection on the phone ------------------------------------------------------------------------------
await ada.goto(`${workshopUrl}/reflection`);
await ada.waitForSelector('[data-testid=reflection-status][data-status=saved]');
await ada.getByTestId('reflection-editor').click();
const first = da ? 'Jeg kan ringe virksomheder tilbage samme dag.' : 'I can call businesses back the same day.';
const second = da ? 'Vi bør have én indgang til kommunen.' : 'We should have one front door to the municipality.';
await ada.keyboard.type(first);
await ada.keyboard.press('Enter');
await ada.keyboard.type(second);
await ada.waitForSelector('[data-testid=reflection-status][data-status=saved]');
check('two paragraphs can be shared', (await ada.getByTestId('reflection-share').count()) === 2);
await ada.getByTestId('reflection-share').first().click();
await ada.waitForSelector('[data-testid=reflection-share-board]');
await ada.screenshot({ path: out('10-reflection-share-phone'), fullPage: true });
const sharedBoardId = await ada.getByTestId('reflection-share-board').inputValue();
await ada.getByTestId('reflection-share-anonymous').check();
await ada.getByTestId('reflection-share-submit').click();
await ada.waitForSelector('[data-testid=reflection-shared]');
check(`sharing confirms ("${await ada.getByTestId('reflection-shared').textContent()}")`, true);
await ada.screenshot({ path: out('11-reflection-shared-phone'), fullPage: true });
await ada.goto(`${base}/b/${sharedBoardId}?view=list`);
await ada.waitForSelector('[data-testid=list-note]');
const onBoard = await ada.evaluate(() =>
  [...document.querySelectorAll('[data-testid=list-note] textarea, [data-testid=list-note]')]
    .map((n) => n.value ?? n.textContent)
    .join('|'),
);
check('the shared paragraph is a note on the board', onBoard.includes(first));
await ada.goto(`${workshopUrl}/reflection`);
await ada.waitForSelector(`[data-testid=reflection-editor]:has-text("${second}")`);
check('the reflection is there when the page is opened again', true);
await ada.context().setOffline(true);
await ada.waitForSelector('[data-testid=reflection-status][data-status=offline]');
await ada.getByTestId('reflection-editor').click();
await ada.keyboard.press('End');
await ada.keyboard.type(da ? ' Skrevet offline.' : ' Written offline.');
await ada.screenshot({ path: out('12-reflection-offline-phone') });
await ada.context().setOffline(false);
await ada.waitForSelector('[data-testid=reflection-status][data-status=saved]', { timeout: 15000 });
check('back online, the offline edit is saved', true);

console.log(logs.length ? logs.join('\n') : 'no page errors');
console.log(`${failures() === 0 ? 'all checks passed' : `${failures()} checks failed`}`);
await browser.close();
process.exit(failures() === 0 ? 0 : 1);
