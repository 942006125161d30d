/**
 * Themes, multi-selection and the list view in headless Chromium against a running server; saves PNGs:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/cluster-shots.mjs
 * Signs up (or in), creates a demo workshop, opens a table board (it has notes and themes), then:
 * a board with themes, a rubber-band multi-selection with its toolbar, a new theme around it, the
 * list view; and a second person to show that undo only takes back one's own change.
 */
import { checks, createDemo, shotBrowser, shotSettings, signUpOrIn } from './shotKit.mjs';

const settings = shotSettings('c');
const { base, lang, out } = settings;
const { check } = checks();
const { browser, logs, context } = await shotBrowser(settings);

const a = await context('Lise Facilitator');
await signUpOrIn(a, base);
await createDemo(a);
const tableLink = a.locator('[data-testid=session-board-link][data-board-kind=group]').first();
if (!(await tableLink.count())) {
  for (const tab of await a.getByTestId('session-tab').all()) {
    await tab.click();
    if (await tableLink.count()) break;
  }
}
const boardId = await tableLink.getAttribute('data-board-id');
const boardUrl = `${base}/b/${boardId}`;
await a.goto(boardUrl);
await a.waitForSelector('[data-testid=connection-status][data-state=connected]');
await a.waitForSelector('[data-testid=cluster]');
await a.waitForTimeout(400);
await a.screenshot({ path: out('1-board-with-themes') });
check('themes rendered', (await a.getByTestId('cluster').count()) >= 1);
check('notes carry their theme', (await a.locator('[data-testid=note][data-cluster-id]').count()) >= 1);

// Rubber band over the loose notes on the left.
const canvas = await a.getByTestId('board-canvas').boundingBox();
const loose = a.locator('[data-testid=note]:not([data-cluster-id])');
const boxes = [];
for (const n of (await loose.all()).slice(0, 3)) boxes.push(await n.boundingBox());
const minX = Math.min(...boxes.map((b) => b.x)) - 12;
const minY = Math.min(...boxes.map((b) => b.y)) - 12;
const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + 12;
const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + 12;
await a.mouse.move(Math.max(canvas.x + 4, minX), Math.max(canvas.y + 4, minY));
await a.mouse.down();
await a.mouse.move((minX + maxX) / 2, (minY + maxY) / 2, { steps: 4 });
await a.mouse.move(maxX, maxY, { steps: 4 });
await a.screenshot({ path: out('2-rubber-band') });
await a.mouse.up();
const selected = await a.locator('[data-testid=note][data-selected]').count();
check(`rubber band selected ${selected} notes`, selected >= 2);
await a.waitForSelector('[data-testid=selection-toolbar]');
await a.screenshot({ path: out('3-multi-selection') });

// Nudge with the arrows (and undo it), then size the whole selection.
await a.getByTestId('board-canvas').focus();
const before = await a.locator('[data-testid=note][data-selected]').first().getAttribute('style');
await a.keyboard.press('ArrowRight');
await a.keyboard.press('Shift+ArrowDown');
const after = await a.locator('[data-testid=note][data-selected]').first().getAttribute('style');
console.log('nudge', before.match(/translate\([^)]*\)/)[0], '→', after.match(/translate\([^)]*\)/)[0]);
await a.keyboard.press('Control+z');
await a.waitForTimeout(100);
check(
  'undo took the nudges back',
  (await a.locator('[data-testid=note][data-selected]').first().getAttribute('style')) === before,
);
await a.getByTestId('size-l').click();
check(
  'size L applies to every selected note',
  (await a.locator('[data-testid=note][data-selected][data-size=l]').count()) === selected,
);

// Group the selection into a theme and name it.
await a.getByTestId('group-selection').click();
await a.waitForTimeout(200);
await a.keyboard.type(lang === 'da' ? 'Digital selvbetjening' : 'Digital self-service');
await a.keyboard.press('Enter');
await a.waitForTimeout(300);
await a.screenshot({ path: out('4-grouped') });
const themed = await a.locator('[data-testid=note][data-cluster-id]').count();
check(`grouped notes now in a theme (${themed} in themes)`, themed >= selected);

// Second person on the same board moves a note; first person undoes their grouping only.
// The same facilitator account in another browser: a separate doc and a separate undo history.
const b = await context('Anders Jensen');
await b.goto(`${base}/`);
await b.getByTestId('signin-email').fill('lise@example.dk');
await b.getByTestId('signin-password').fill('correct horse battery');
await b.getByTestId('signin-submit').click();
await b.waitForSelector('[data-testid=signout]');
await b.goto(boardUrl);
await b.waitForSelector('[data-testid=connection-status][data-state=connected]');
await b.waitForSelector('[data-testid=cluster]');
const bNote = b.locator('[data-testid=note]').last();
const bNoteId = await bNote.getAttribute('data-note-id');
const bBox = await bNote.boundingBox();
await b.mouse.move(bBox.x + 20, bBox.y + bBox.height - 15);
await b.mouse.down();
await b.mouse.move(bBox.x + 80, bBox.y + bBox.height + 40, { steps: 5 });
await b.mouse.up();
await a.waitForTimeout(500);
const posBefore = await a.locator(`[data-note-id="${bNoteId}"]`).getAttribute('style');
const clustersBefore = await a.getByTestId('cluster').count();
await a.getByTestId('board-canvas').click({ position: { x: 20, y: 20 } });
await a.keyboard.press('Control+z'); // the title typing
await a.keyboard.press('Control+z'); // the grouping
await a.waitForTimeout(400);
const clustersAfter = await a.getByTestId('cluster').count();
const posAfter = await a.locator(`[data-note-id="${bNoteId}"]`).getAttribute('style');
check(`undo removed my theme (${clustersBefore} → ${clustersAfter})`, clustersAfter === clustersBefore - 1);
check("undo left the other person's move alone", posBefore === posAfter);
await a.getByTestId('redo').click();
await a.getByTestId('redo').click();
await a.waitForTimeout(300);
check('redo brought my theme back', (await a.getByTestId('cluster').count()) === clustersBefore);
check('the other person sees the theme again', (await b.getByTestId('cluster').count()) === clustersBefore);

// Select a theme: its toolbar.
await a
  .getByTestId('cluster-header')
  .first()
  .click({ position: { x: 300, y: 20 } });
await a.waitForSelector('[data-testid=cluster-toolbar]');
await a.getByTestId('cluster-color-lilac').click();
await a.getByTestId('tidy-cluster').click();
await a.screenshot({ path: out('5-theme-selected') });
check('recolour applies to the theme', (await a.locator('[data-testid=cluster][data-color=lilac]').count()) === 1);

// Select all, duplicate, undo.
await a.keyboard.press('Escape');
await a.getByTestId('board-canvas').focus();
const notesBefore = await a.getByTestId('note').count();
await a.keyboard.press('Control+a');
await a.keyboard.press('Control+d');
await a.waitForTimeout(200);
check('ctrl+A, ctrl+D duplicated every note', (await a.getByTestId('note').count()) === notesBefore * 2);
await a.keyboard.press('Control+z');
await a.waitForTimeout(200);
check('ctrl+Z took the copies back', (await a.getByTestId('note').count()) === notesBefore);

// List view.
await a.getByTestId('list-view-toggle').click();
await a.waitForSelector('[data-testid=list-view]');
check('list view shows each theme as h2', (await a.locator('h2[data-testid=list-cluster]').count()) === clustersBefore);
await a.screenshot({ path: out('6-list-view'), fullPage: true });
await a.keyboard.press('Tab');
await a.keyboard.press('Tab');
await a.keyboard.press('Tab');
await a.keyboard.press('Tab');
await a.screenshot({ path: out('7-list-view-focus') });
console.log('url', a.url());
console.log(logs.join('\n'));
await browser.close();
