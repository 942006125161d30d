/**
 * Offline reload of the home reflection in headless Chromium against a running production build (the service
 * worker is only in `vite build`):
 *   BASE=http://127.0.0.1:3000 node client/scripts/offline-shell.mjs
 * A facilitator signs up (or in) and creates the demo workshop; a participant joins by the cockpit's join code,
 * opens the reflection, writes, goes offline and reloads: the page comes back from the service worker's cache with
 * the text (IndexedDB), says "offline" and takes more typing; back online, the text reaches the server (a second
 * browser with the same grant and no local copy sees it).
 */
import { launchChromium } from './chromium.mjs';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
let failures = 0;
const check = (label, ok) => {
  if (!ok) failures += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
};
const logs = [];
const browser = await launchChromium();
async function context(name) {
  const ctx = await browser.newContext({ locale: 'en-US' });
  await ctx.addInitScript(() => localStorage.setItem('samle.lang', 'en'));
  const page = await ctx.newPage();
  page.on('pageerror', (e) => logs.push(`[${name} pageerror] ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && logs.push(`[${name} console] ${m.text()}`));
  return page;
}

const fac = await context('facilitator');
await fac.goto(`${base}/`);
await fac.waitForSelector('[data-testid=signup-submit], [data-testid=signin-submit], [data-testid=signout]');
if (await fac.getByTestId('signup-submit').count()) {
  await fac.getByTestId('signup-name').fill('Lise Facilitator');
  await fac.getByTestId('signup-email').fill('lise@example.dk');
  await fac.getByTestId('signup-password').fill('correct horse battery');
  await fac.getByTestId('signup-submit').click();
} else if (await fac.getByTestId('signin-submit').count()) {
  await fac.getByTestId('signin-email').fill('lise@example.dk');
  await fac.getByTestId('signin-password').fill('correct horse battery');
  await fac.getByTestId('signin-submit').click();
}
await fac.waitForSelector('[data-testid=create-demo]');
await fac.getByTestId('create-demo').first().click();
await fac.waitForURL(/\/w\//);
const workshopUrl = fac.url().replace(/\/$/, '');
await fac.waitForSelector('[data-testid=session-tab]');
const openTab = fac.locator('[data-testid=session-tab][data-status=open]');
if (await openTab.count()) await openTab.first().click();
await fac.waitForSelector('[data-testid=join-code]');
const code = (await fac.getByTestId('join-code').textContent()).trim();

const ada = await context('participant');
await ada.goto(`${base}/join?code=${code}`);
await ada.getByTestId('join-name-input').fill('Ada Jensen');
await ada.getByTestId('join-department-input').fill('Erhverv');
await ada.getByTestId('join-submit').click();
await ada.waitForURL(/\/(b|w)\//);
await ada.goto(`${workshopUrl}/reflection`);
await ada.waitForSelector('[data-testid=reflection-status][data-status=saved]');
await ada.evaluate(() => navigator.serviceWorker.ready);
// The first visit installs the worker; it takes over this page (clientsClaim) once its precache is complete.
await ada.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
check('the service worker controls the reflection page', true);

const online = 'Written while online.';
await ada.getByTestId('reflection-editor').click();
await ada.keyboard.type(online);
await ada.waitForSelector('[data-testid=reflection-status][data-status=saved]');

await ada.context().setOffline(true);
await ada.reload();
await ada.waitForSelector(`[data-testid=reflection-editor]:has-text("${online}")`, { timeout: 15000 });
check('offline, the reloaded page shows the editor with the text', true);
await ada.waitForSelector('[data-testid=reflection-status][data-status=offline]');
check('offline, the status says offline', true);
const offline = ' Written offline.';
await ada.getByTestId('reflection-editor').click();
await ada.keyboard.press('ControlOrMeta+End');
await ada.keyboard.type(offline);
await ada.waitForSelector(`[data-testid=reflection-editor]:has-text("${offline.trim()}")`);
check('offline, typing works', true);
const api = await ada.evaluate(() =>
  fetch('/api/auth/me').then(
    (r) => `status ${r.status}`,
    (e) => `failed: ${e.message}`,
  ),
);
check(`offline, an API call is not answered from a cache (${api})`, api.startsWith('failed'));

await ada.context().setOffline(false);
await ada.waitForSelector('[data-testid=reflection-status][data-status=saved]', { timeout: 20000 });
check('back online, the status says saved', true);

// A fresh browser with the same grant and no IndexedDB copy: what it shows came from the server.
const grantEntries = await ada.evaluate(() =>
  Object.entries(localStorage).filter(([key]) => key.startsWith('samle.grant')),
);
const other = await context('participant, second device');
await other.goto(`${base}/`);
await other.evaluate((entries) => {
  for (const [key, value] of entries) localStorage.setItem(key, value);
}, grantEntries);
await other.goto(`${workshopUrl}/reflection`);
await other.waitForSelector(`[data-testid=reflection-editor]:has-text("${offline.trim()}")`, { timeout: 15000 });
check('the offline text reached the server', true);

console.log(logs.length ? logs.join('\n') : 'no page errors');
console.log(`${failures === 0 ? 'all checks passed' : `${failures} checks failed`}`);
await browser.close();
process.exit(failures === 0 ? 0 : 1);
