/**
 * Walks through the workshop flow in headless Chromium against a running server and saves PNGs:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/workshop-shots.mjs
 * Creates (or signs in to) a facilitator account, a demo workshop, opens a session; three people join on
 * phones, tables are split, group work opens; a viewer accepts an invite; the session ends.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const lang = process.env.SHOT_LANG ?? 'en';
const locale = lang === 'da' ? 'da-DK' : 'en-US';
const outDir = process.env.OUT_DIR ?? '/tmp/samle-shots';
mkdirSync(outDir, { recursive: true });
const out = (name) => `${outDir}/${lang}-w${name}.png`;
const logs = [];

const browser = await launchChromium();
async function context(viewport, extra = {}) {
  const ctx = await browser.newContext({ locale, viewport, ...extra });
  await ctx.addInitScript((l) => localStorage.setItem('samle.lang', l), lang);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && logs.push(`[console] ${m.text()}`));
  return page;
}
const phone = {
  viewport: { width: 390, height: 844 },
  extra: { isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

const fac = await context({ width: 1440, height: 1000 });
await fac.goto(`${base}/`);
await fac.waitForSelector('[data-testid=signup-submit], [data-testid=signin-submit], [data-testid=signout]');
if (await fac.getByTestId('signup-submit').count()) {
  await fac.screenshot({ path: out('01-first-account') });
  await fac.getByTestId('signup-submit').click();
  await fac.screenshot({ path: out('02-first-account-errors') });
  await fac.getByTestId('signup-name').fill('Lise Facilitator');
  await fac.getByTestId('signup-email').fill('lise@example.dk');
  await fac.getByTestId('signup-password').fill('correct horse battery');
  await fac.getByTestId('signup-submit').click();
} else if (await fac.getByTestId('signin-submit').count()) {
  await fac.screenshot({ path: out('01-sign-in') });
  await fac.getByTestId('signin-email').fill('lise@example.dk');
  await fac.getByTestId('signin-password').fill('correct horse battery');
  await fac.getByTestId('signin-submit').click();
}
await fac.waitForSelector('[data-testid=create-demo]');
await fac.waitForTimeout(300);
await fac.screenshot({ path: out('03-workshops'), fullPage: true });
await fac.getByTestId('create-demo').first().click();
await fac.waitForURL(/\/w\//);
await fac.waitForSelector('[data-testid=session-tab]');
const tabs = fac.getByTestId('session-tab');
console.log('sessions:', await tabs.count());
// The first employee day.
const dayTab = tabs.filter({ hasText: lang === 'da' ? 'Temadag' : 'Employee day' }).first();
await dayTab.click();
await fac.screenshot({ path: out('04-cockpit-planned'), fullPage: true });
if (await fac.getByTestId('open-session').count()) await fac.getByTestId('open-session').click();
await fac.waitForSelector('[data-testid=join-code]');
const code = (await fac.getByTestId('join-code').textContent()).trim();
console.log('join code', code);

// Big screen
const screen = await fac.context().newPage();
await screen.setViewportSize({ width: 1920, height: 1080 });
await screen.goto(`${base}${await fac.getByTestId('big-screen-link').getAttribute('href')}`);
await screen.waitForSelector('[data-testid=join-qr]');
await screen.screenshot({ path: out('05-big-screen') });
await screen.close();

// Three people join on phones
const people = [
  ['Mette Hansen', 'Byg og miljø'],
  ['Anders Jensen', 'Erhverv'],
  ['Sofie Nielsen', 'Byg og miljø'],
];
const phones = [];
for (const [index, [name, department]] of people.entries()) {
  const p = await context(phone.viewport, phone.extra);
  await p.goto(`${base}/join?code=${code}`);
  await p.waitForSelector('[data-testid=join-name-input]');
  if (index === 0) {
    await p.waitForTimeout(400);
    await p.screenshot({ path: out('06-join-phone') });
    await p.getByTestId('join-submit').click();
    await p.screenshot({ path: out('07-join-phone-errors') });
  }
  await p.getByTestId('join-name-input').fill(name);
  await p.getByTestId('join-department-input').fill(department);
  await p.getByTestId('join-submit').click();
  await p.waitForURL(/\/(b|w)\//);
  phones.push(p);
}
await phones[0]
  .waitForSelector('[data-testid=connection-status][data-state=connected]')
  .catch((e) => logs.push(String(e)));
await phones[0].screenshot({ path: out('08-phone-landing-board') });

// Tables
await fac.waitForSelector('[data-testid=person]');
await fac.getByTestId('split-count').fill('2');
await fac.getByTestId('split-by').selectOption('department');
await fac.getByTestId('split-tables').click();
await fac.waitForSelector('[data-testid=table]');
const firstItem = fac.getByTestId('start-item').first();
if (await firstItem.count()) await firstItem.click();
await fac.waitForSelector('[data-testid=current-item]');
await fac.screenshot({ path: out('09-cockpit-tables'), fullPage: true });
// Keyboard path: move the first member to the other table with the select.
const member = fac.getByTestId('table-member').first();
const groups = await fac.getByTestId('table').evaluateAll((els) => els.map((e) => e.dataset.groupId));
const current = await member.getByTestId('move-to-table').inputValue();
const counts = () =>
  fac
    .getByTestId('table')
    .evaluateAll((els) => els.map((e) => e.querySelectorAll('[data-testid=table-member]').length));
console.log('tables before', await counts());
await member.getByTestId('move-to-table').selectOption(groups.find((g) => g !== current));
await fac.waitForTimeout(800);
console.log('after select', await counts());
// Drag the first member of table 1 onto table 2.
const card = fac.getByTestId('table-member').first().locator('.member-handle');
await fac.getByTestId('table').nth(1).scrollIntoViewIfNeeded();
await card.scrollIntoViewIfNeeded();
const box = await card.boundingBox();
const target = await fac.getByTestId('table').nth(1).boundingBox();
await fac.mouse.move(box.x + 20, box.y + 10);
await fac.mouse.down();
await fac.mouse.move(box.x + 40, box.y + 20, { steps: 3 });
await fac.mouse.move(target.x + 60, target.y + 60, { steps: 8 });
await fac.mouse.up();
await fac.waitForTimeout(800);
console.log('after drag', await counts());
if (await fac.getByTestId('return-to-plenum').count()) {
  await fac.getByTestId('return-to-plenum').click();
  await fac.waitForSelector('[data-testid=open-group-work]');
}
await fac.getByTestId('open-group-work').click();
await fac.waitForSelector('[data-testid=return-to-plenum]');
await fac.waitForTimeout(300);
await fac.screenshot({ path: out('10-cockpit-group-work'), fullPage: true });

// A participant's home on the phone
await phones[1].goto(`${base}${new URL(fac.url()).pathname}`);
await phones[1].waitForSelector('[data-testid=session-board-link]');
await phones[1].screenshot({ path: out('11-phone-home'), fullPage: true });

// Viewer invite
await fac.getByTestId('invite-viewer').click();
await fac.waitForSelector('[data-testid=invite-url]');
const inviteUrl = (await fac.getByTestId('invite-url').textContent()).trim();
const viewer = await context(phone.viewport, phone.extra);
await viewer.goto(inviteUrl);
await viewer.waitForSelector('[data-testid=invite-name-input]');
await viewer.screenshot({ path: out('12-invite-phone') });
await viewer.getByTestId('invite-name-input').fill('Borgmester Bo');
await viewer.getByTestId('invite-submit').click();
await viewer.waitForSelector('[data-testid=session-board-link]');
await viewer.screenshot({ path: out('13-viewer-home-phone'), fullPage: true });
await viewer.getByTestId('session-board-link').first().click();
await viewer.waitForSelector('[data-testid=read-only-badge]');
await viewer
  .waitForSelector('[data-testid=connection-status][data-state=connected]')
  .catch((e) => logs.push(String(e)));
await viewer.screenshot({ path: out('14-viewer-readonly-board-phone') });

// Withdraw one person's access: their open board closes with 4410 and says so.
const sofie = fac.getByTestId('person').filter({ hasText: 'Sofie Nielsen' });
await sofie.getByTestId('revoke-person').click();
await fac.screenshot({ path: out('14b-revoke-confirm') });
await sofie.getByTestId('confirm-revoke').click();
await phones[2].waitForSelector('[data-testid=board-problem]', { timeout: 10_000 }).catch((e) => logs.push(String(e)));
await phones[2].screenshot({ path: out('14c-phone-revoked') });

// End the session: a participant's board turns read-only
await fac.getByTestId('end-session').click();
await fac.getByTestId('session-confirm-yes').click();
await fac.waitForSelector('[data-testid=reopen-session]');
await phones[0].goto(phones[0].url());
await phones[0].waitForSelector('[data-testid=read-only-badge]').catch((e) => logs.push(String(e)));
await phones[0].screenshot({ path: out('15-phone-archived-board') });
await fac.screenshot({ path: out('16-cockpit-ended'), fullPage: true });
console.log(logs.join('\n'));
await browser.close();
