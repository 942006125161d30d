/**
 * Walks through the idea catalog in headless Chromium against a running server and saves PNGs:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/catalog-shots.mjs
 * Signs up (or in), makes the demo workshop, gathers two more ideas through the API (notes from two
 * tables, and a theme), opens the catalog: the list, an open idea with its description and sources,
 * a deleted source, a merge, a board opened at a note, the empty catalog, and the print form.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const lang = process.env.SHOT_LANG ?? 'da';
const locale = lang === 'da' ? 'da-DK' : 'en-US';
const outDir = process.env.OUT_DIR ?? '/tmp/samle-shots';
mkdirSync(outDir, { recursive: true });
const out = (name) => `${outDir}/${lang}-c${name}.png`;
const logs = [];

const browser = await launchChromium();
const ctx = await browser.newContext({ locale, viewport: { width: 1440, height: 1000 } });
await ctx.addInitScript((l) => {
  localStorage.setItem('samle.lang', l);
  localStorage.setItem('samle.name', 'Lise Facilitator');
}, lang);
const page = await ctx.newPage();
page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
page.on('console', (m) => m.type() === 'error' && logs.push(`[console] ${m.text()}`));

/** A JSON API call from the page, with the facilitator's cookie and the CSRF header. */
async function api(method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-samle-csrf': '1' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  );
}

await page.goto(`${base}/`);
await page.waitForSelector('[data-testid=signup-submit], [data-testid=signin-submit], [data-testid=signout]');
if (await page.getByTestId('signup-submit').count()) {
  await page.getByTestId('signup-name').fill('Lise Facilitator');
  await page.getByTestId('signup-email').fill('lise@example.dk');
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
} else if (await page.getByTestId('signin-submit').count()) {
  await page.getByTestId('signin-email').fill('lise@example.dk');
  await page.getByTestId('signin-password').fill('correct horse battery');
  await page.getByTestId('signin-submit').click();
}

// An empty catalog first: a fresh workshop.
await page.waitForSelector('[data-testid=workshop-title-input]');
await page.getByTestId('workshop-title-input').fill('Tomt forløb');
await page.getByTestId('create-workshop').click();
await page.waitForURL(/\/w\//);
const emptyId = new URL(page.url()).pathname.split('/')[2];
await page.goto(`${base}/w/${emptyId}/catalog`);
await page.waitForSelector('[data-testid=catalog-empty]');
await page.screenshot({ path: out('01-empty'), fullPage: true });

// The demo workshop, with its catalog.
await page.goto(`${base}/`);
await page.waitForSelector('[data-testid=create-demo]');
await page.getByTestId('create-demo').first().click();
await page.waitForURL(/\/w\//);
const workshopId = new URL(page.url()).pathname.split('/')[2];
await page.waitForSelector('[data-testid=catalog-link]');
await page.screenshot({ path: out('02-cockpit-link'), fullPage: true });

// Notes and themes on the group tables, read from each board's list view.
const detail = await api('GET', `/api/workshops/${workshopId}`);
const tables = detail.sessions.flatMap((s) => s.boards.filter((b) => b.kind === 'group'));
const found = [];
for (const board of tables.slice(0, 3)) {
  await page.goto(`${base}/b/${board.id}?view=list`);
  await page.waitForSelector('[data-testid=list-view]');
  await page.waitForTimeout(500);
  const notes = await page.$$eval('[data-testid=list-note]', (items) =>
    items.map((li) => ({ id: li.getAttribute('data-note-id'), text: li.querySelector('textarea')?.value ?? '' })),
  );
  const clusters = await page.$$eval('[data-testid=list-cluster]', (items) =>
    items.map((h) => h.getAttribute('data-cluster-id')),
  );
  found.push({ board, notes, clusters });
}
console.log(found.map((f) => `${f.board.title}: ${f.notes.length} notes, ${f.clusters.length} themes`).join('\n'));
const [first, second] = found;
if (first?.notes[0] && second?.notes[0]) {
  await api('POST', `/api/workshops/${workshopId}/catalog/gather`, {
    title: lang === 'da' ? 'Én fast kontaktperson pr. virksomhed' : 'One contact person per business',
    sources: [
      { boardId: first.board.id, noteIds: [first.notes[0].id] },
      { boardId: second.board.id, noteIds: [second.notes[0].id] },
    ],
  });
}
const withTheme = found.find((f) => f.clusters.length > 0);
if (withTheme) {
  await api('POST', `/api/workshops/${workshopId}/catalog/gather`, {
    title: lang === 'da' ? 'Hurtigere svar på henvendelser' : 'Faster answers',
    sources: [{ boardId: withTheme.board.id, clusterIds: [withTheme.clusters[0]] }],
  });
}

await page.goto(`${base}/w/${workshopId}/catalog`);
await page.waitForSelector('[data-testid=idea-row]');
await page.waitForTimeout(400);
await page.screenshot({ path: out('03-list'), fullPage: true });

// Open the first gathered idea, write a description.
const row = page
  .getByTestId('idea-row')
  .filter({ hasText: lang === 'da' ? 'Én fast kontaktperson' : 'One contact person' });
await row.getByTestId('idea-open').click();
await page.waitForSelector('[data-testid=idea-detail]');
const editor = page.getByTestId('idea-description');
await editor.click();
await page.keyboard.type(
  lang === 'da'
    ? 'Virksomhederne skal have ét sted at henvende sig — én telefon, én mail og en kontaktperson, der kender sagen.'
    : 'Businesses get one place to turn to — one phone number, one mail address and a contact who knows the case.',
);
await page.getByTestId('idea-category-input').fill(lang === 'da' ? 'Tilgængelighed' : 'Access');
await page.keyboard.press('Enter');
await page.waitForTimeout(400);
await page.screenshot({ path: out('04-open-idea'), fullPage: true });

// A note is deleted on its board after it was gathered; the catalog says so.
const gone = first?.notes[0];
if (gone) {
  await page.goto(`${base}/b/${first.board.id}?view=list`);
  await page.waitForSelector(`[data-testid=list-note][data-note-id="${gone.id}"]`);
  await page.locator(`[data-testid=list-note][data-note-id="${gone.id}"] [data-testid=list-note-delete]`).click();
  await page.waitForSelector(`[data-testid=list-note][data-note-id="${gone.id}"]`, { state: 'detached' });
  await page.waitForTimeout(300);
}
await page.goto(`${base}/w/${workshopId}/catalog`);
await page
  .getByTestId('idea-row')
  .filter({ hasText: lang === 'da' ? 'Én fast kontaktperson' : 'One contact person' })
  .getByTestId('idea-open')
  .click();
await page.waitForSelector('[data-testid=source-deleted]');
await page.getByTestId('idea-sources').scrollIntoViewIfNeeded();
await page.screenshot({ path: out('05-deleted-source'), fullPage: true });

// Merge: the suggestions and the confirmation.
await page.getByTestId('merge-panel').scrollIntoViewIfNeeded();
const pickable = await page.$$eval('[data-testid=merge-pick] option', (options) => options.map((o) => o.value));
if (pickable[1]) {
  await page.getByTestId('merge-pick').selectOption(pickable[1]);
  await page.getByTestId('merge-submit').click();
  await page.waitForSelector('[data-testid=merge-confirm]');
  await page.screenshot({ path: out('06-merge-confirm'), fullPage: true });
  await page.getByTestId('merge-confirm').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: out('07-merged'), fullPage: true });
}

// Open a source on its board, and a deleted one.
const live = page.locator('[data-testid=idea-source]:not([data-state=deleted]) [data-testid=source-link]').first();
await live.click();
await page.waitForSelector('[data-testid=note][data-highlighted]');
await page.waitForTimeout(300);
await page.screenshot({ path: out('08-board-at-note') });
await page.goBack();
await page.waitForSelector('[data-testid=source-deleted]');
await page.locator('[data-testid=idea-source][data-state=deleted] [data-testid=source-link]').first().click();
await page.waitForSelector('[data-testid=note-deleted-banner]');
await page.waitForTimeout(300);
await page.screenshot({ path: out('09-board-note-deleted') });

// The print form.
await page.goto(`${base}/w/${workshopId}/catalog`);
await page.waitForSelector('[data-testid=idea-row]');
await page.emulateMedia({ media: 'print' });
await page.screenshot({ path: out('10-print'), fullPage: true });
await page.emulateMedia({ media: 'screen' });

// A narrow window.
await page.setViewportSize({ width: 800, height: 1000 });
await page.getByTestId('idea-open').first().click();
await page.waitForSelector('[data-testid=idea-detail]');
await page.screenshot({ path: out('11-narrow'), fullPage: true });

await browser.close();
if (logs.length) console.log(logs.join('\n'));
console.log('shots in', outDir);
