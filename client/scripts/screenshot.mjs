/**
 * Walks through the app in headless Chromium against a running server and saves PNGs:
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/screenshot.mjs
 * Two browser contexts act as two people, so cursors and avatars show up.
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from './chromium.mjs';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const lang = process.env.SHOT_LANG ?? 'en';
const locale = lang === 'da' ? 'da-DK' : 'en-US';
const outDir = process.env.OUT_DIR ?? '/tmp/samle-shots';
mkdirSync(outDir, { recursive: true });
const out = (name) => `${outDir}/${lang}-${name}.png`;

const browser = await launchChromium();
const logs = [];
const ctxA = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
const a = await ctxA.newPage();
a.on('console', (m) => logs.push(`[A ${m.type()}] ${m.text()}`));
a.on('pageerror', (e) => logs.push(`[A pageerror] ${e.message}`));
await a.goto(`${base}/`);
await a.waitForSelector('[data-testid=boards-empty], [data-testid=board-link]');
await a.screenshot({ path: out('1-start') });

await a.getByTestId('create-board').click();
await a.screenshot({ path: out('2-validation') });
await a.getByTestId('board-title-input').fill(lang === 'da' ? 'Medarbejderdag 1 — bord 3' : 'Employee day 1 — table 3');
await a.getByTestId('create-board').click();
await a.waitForURL(/\/b\//);
await a.getByTestId('name-input').waitFor();
await a.waitForTimeout(300);
await a.screenshot({ path: out('3-name-prompt') });
await a.getByTestId('name-input').fill('Mette Hansen');
await a.getByTestId('name-submit').click();
await a.waitForSelector('[data-testid=connection-status][data-state=connected]');
await a.screenshot({ path: out('4-empty-board') });

const texts =
  lang === 'da'
    ? [
        'Én indgang for virksomheder',
        'Ring tilbage inden for 24 timer',
        'Fælles kalender for byggesager',
        'Erhvervsmøde hvert kvartal',
      ]
    : [
        'One entry point for businesses',
        'Call back within 24 hours',
        'Shared calendar for building cases',
        'Business meeting every quarter',
      ];
await a.getByTestId('add-note').click();
await a.keyboard.type(texts[0]);
await a.keyboard.press('Escape');
await a.keyboard.press('n');
await a.keyboard.type(texts[1]);
await a.keyboard.press('Escape');
await a.getByTestId('board-canvas').dblclick({ position: { x: 300, y: 520 } });
await a.keyboard.type(texts[2]);
await a.keyboard.press('Escape');
await a.getByTestId('color-green').click();
await a.getByTestId('board-canvas').dblclick({ position: { x: 900, y: 200 } });
await a.keyboard.type(texts[3]);
await a.keyboard.press('Escape');
await a.getByTestId('color-pink').click();
// drag the first note
const first = a.getByTestId('note').first();
const box = await first.boundingBox();
await a.mouse.move(box.x + 40, box.y + 140);
await a.mouse.down();
await a.mouse.move(box.x + 140, box.y + 180, { steps: 5 });
await a.mouse.up();

// second person
const ctxB = await browser.newContext({ locale, viewport: { width: 1000, height: 700 } });
await ctxB.addInitScript(() => localStorage.setItem('samle.name', 'Anders Jensen'));
const b = await ctxB.newPage();
b.on('pageerror', (e) => logs.push(`[B pageerror] ${e.message}`));
await b.goto(a.url());
await b.waitForSelector('[data-testid=connection-status][data-state=connected]');
await b.mouse.move(500, 400);
await b.mouse.move(620, 330, { steps: 4 });
await a.waitForSelector('[data-testid=remote-cursor]');
await a.getByTestId('note').nth(3).click();
await a.waitForTimeout(200);
await a.screenshot({ path: out('5-board') });
await b.screenshot({ path: out('6-board-b') });
console.log('notes in B:', await b.getByTestId('note').count(), await b.getByTestId('note-text').first().inputValue());

await a.goto(`${base}/`);
await a.waitForSelector('[data-testid=board-link]');
await a.screenshot({ path: out('7-start-list') });
await a.goto(`${base}/b/doesnotexist123`);
await a.waitForSelector('[data-testid=board-problem]');
await a.screenshot({ path: out('8-not-found') });
console.log(logs.join('\n'));
await browser.close();
