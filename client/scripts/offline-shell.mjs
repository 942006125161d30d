/**
 * Offline reload of the home reflection in headless Chromium against a running production build (the service
 * worker is only in `vite build`):
 *   BASE=http://127.0.0.1:3000 node client/scripts/offline-shell.mjs
 * A facilitator signs up (or in) and creates the demo workshop; a participant joins by the cockpit's join code,
 * opens the reflection, writes, goes offline and reloads: the page comes back from the service worker's cache with
 * the text (IndexedDB), says "offline" and takes more typing; back online, the text reaches the server (a second
 * browser with the same grant and no local copy sees it).
 */
import { checks, createDemo, shotBrowser, shotSettings, signUpOrIn } from './shotKit.mjs';

// In English, as it always ran (it saves no pictures).
const settings = { ...shotSettings('offline'), lang: 'en', locale: 'en-US' };
const { base } = settings;
const { check, failures } = checks();
const shots = await shotBrowser(settings);
const { browser, logs } = shots;
const context = (name) => shots.context(name, { width: 1280, height: 720 }, { rememberName: false });

const fac = await context('facilitator');
await signUpOrIn(fac, base);
await createDemo(fac);
const workshopUrl = fac.url().replace(/\/$/, '');
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
console.log(`${failures() === 0 ? 'all checks passed' : `${failures()} checks failed`}`);
await browser.close();
process.exit(failures() === 0 ? 0 : 1);
