/**
 * Walks through the leader panel in headless Chromium against a running server and saves PNGs (and a PDF):
 *   BASE=http://127.0.0.1:3000 SHOT_LANG=da OUT_DIR=/tmp/samle-shots node client/scripts/leader-shots.mjs
 * Signs up (or in) a facilitator, makes the demo workshop, opens the leader panel and an idea's assessment,
 * prints it, presents it on a big screen (decisions, one idea's sources, the timeline); a participant joins,
 * writes a note that is gathered into the catalog and published, and opens the published catalog at their note.
 */
import { shotBrowser, shotSettings, signUpOrIn } from './shotKit.mjs';

const settings = shotSettings('l', { lang: 'da', englishLocale: 'en-GB' });
const { base, lang, out, outDir } = settings;
const shots = await shotBrowser(settings);
const { browser, logs } = shots;
const context = (viewport, extra = {}) => shots.context(null, viewport, extra);

/** A JSON API call from the page, with its cookie and the CSRF header. */
function api(page, path, body) {
  return page.evaluate(
    async ([p, b]) => {
      const response = await fetch(p, {
        method: b === undefined ? 'GET' : 'POST',
        headers: { 'x-samle-csrf': '1', ...(b === undefined ? {} : { 'content-type': 'application/json' }) },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    [path, body],
  );
}

const fac = await context({ width: 1440, height: 1000 });
await signUpOrIn(fac, base);
await fac.waitForSelector('[data-testid=create-demo]');
await fac.getByTestId('create-demo').first().click();
await fac.waitForURL(/\/w\/[^/]+$/);
const workshopId = new URL(fac.url()).pathname.split('/')[2];
console.log('workshop', workshopId);
await fac.waitForSelector('[data-testid=leader-panel-link]');
await fac.screenshot({ path: out('00-cockpit'), fullPage: true });

// The leader panel.
await fac.getByTestId('leader-panel-link').click();
await fac.waitForSelector('[data-testid=leader-idea]');
await fac.waitForSelector('[data-testid=unpublished-changes], [data-testid=published-up-to-date]');
await fac.screenshot({ path: out('01-panel') });
await fac.screenshot({ path: out('02-panel-full'), fullPage: true });

// The idea moved since publishing: its history shows council → start now.
await fac.locator('[data-testid=leader-idea]', { hasText: 'Status på byggesagen' }).click();
await fac.waitForSelector('[data-testid=decision-history]');
await fac.screenshot({ path: out('03-assessment'), fullPage: true });

// Keyboard: give the undecided idea a decision, a priority and a rationale.
await fac.locator('[data-testid=leader-idea]', { hasText: 'Mål på' }).focus();
await fac.keyboard.press('Enter');
await fac.locator('[data-testid=assessment-editor]', { hasText: 'Mål på' }).waitFor();
await fac.screenshot({ path: out('04a-undecided') });
await fac.getByTestId('decision-council').focus();
await fac.keyboard.press('Enter');
await fac.getByTestId('assessment-rank').fill('8');
await fac.keyboard.press('Enter');
await fac.getByTestId('rationale-editor').click();
await fac.keyboard.type('Byrådet fastsætter servicemålene. ');
await fac.keyboard.press('Control+b');
await fac.keyboard.type('Vi foreslår tre mål.');
await fac.keyboard.press('Control+b');
await fac.keyboard.press('Enter');
await fac.keyboard.type('- Svartid');
await fac.keyboard.press('Enter');
await fac.keyboard.type('Tilfredshed');
await fac.keyboard.press('Control+Enter');
await fac.waitForSelector(`[data-testid=rationale-state]:has-text("${lang === 'da' ? 'Gemt' : 'Saved'}")`);
await fac.waitForTimeout(400);
await fac.screenshot({ path: out('04-assessed-by-keyboard'), fullPage: true });

// Print: the catalog as a document.
await fac.emulateMedia({ media: 'print' });
await fac.screenshot({ path: out('05-print'), fullPage: true });
await fac.pdf({ path: `${outDir}/${lang}-leader-panel.pdf`, format: 'A4', printBackground: true });
await fac.emulateMedia({ media: 'screen' });

// The big screen.
const screen = await context({ width: 1920, height: 1080 });
await screen.context().addCookies(await fac.context().cookies());
await screen.goto(`${base}/w/${workshopId}/leaders/screen`);
await screen.waitForSelector('[data-testid=screen-idea]');
await screen.screenshot({ path: out('06-screen') });
await screen.locator('[data-testid=screen-idea]').first().click();
await screen.waitForSelector('[data-testid=sources-dialog] [data-testid=provenance-link]');
await screen.screenshot({ path: out('07-screen-sources') });
await screen.keyboard.press('Escape');
await screen.getByTestId('screen-view-timeline').click();
await screen.waitForSelector('[data-testid=timeline-bar]');
await screen.screenshot({ path: out('08-timeline') });

// A participant joins, writes a note; it is gathered and published.
const detail = (await api(fac, `/api/workshops/${workshopId}`)).body;
const day = detail.sessions.find((s) => s.status === 'open');
await api(fac, `/api/sessions/${day.id}/group-work`, { open: false });
const phone = await context({ width: 430, height: 900 }, { deviceScaleFactor: 2 });
await phone.goto(`${base}/join?code=${day.joinCode}`);
await phone.getByTestId('join-name-input').fill('Karen Bech');
await phone.getByTestId('join-submit').click();
await phone.waitForSelector('[data-testid=add-note]');
await phone.getByTestId('add-note').click();
const text = phone.getByTestId('note-text').last();
await text.waitFor();
await text.click();
await text.pressSequentially('Åbent for virksomheder også om aftenen');
await phone.waitForTimeout(600);
// The note's text is an editable field, so find it by its value rather than by text content.
const noteId = await phone.evaluate(() => {
  for (const note of document.querySelectorAll('[data-testid=note]')) {
    const field = note.querySelector('[data-testid=note-text]');
    const text = field && ('value' in field ? field.value : field.textContent);
    if (text?.includes('om aftenen')) return note.getAttribute('data-note-id');
  }
  return null;
});
const boardId = new URL(phone.url()).pathname.split('/')[2];
const gathered = await api(fac, `/api/workshops/${workshopId}/catalog/gather`, {
  title: 'Aftenåbent for virksomheder',
  sources: [{ boardId, noteIds: [noteId] }],
});
console.log('gathered', gathered.status);
await api(fac, `/api/workshops/${workshopId}/ideas/${gathered.body.ideaId}/assessment`, {
  decision: 'on_hold',
  rank: 9,
  rationale: 'Vi ser på det, når **én indgang** er på plads.',
  owner: 'Borgerservice',
});
console.log('published', (await api(fac, `/api/workshops/${workshopId}/catalog/publish`, {})).status);

await phone.goto(`${base}/w/${workshopId}`);
await phone.waitForSelector('[data-testid=published-catalog-link]');
await phone.screenshot({ path: out('09-participant-home'), fullPage: true });
await phone.getByTestId('published-catalog-link').click();
await phone.waitForSelector('[data-testid=your-note]');
await phone.screenshot({ path: out('10-published'), fullPage: false });
await phone.locator('[data-testid=your-note]').scrollIntoViewIfNeeded();
await phone.screenshot({ path: out('11-published-your-note') });
await phone.setViewportSize({ width: 1280, height: 900 });
await phone.screenshot({ path: out('12-published-desktop'), fullPage: true });
await phone.locator('[data-testid=your-note]').locator('xpath=..').getByTestId('provenance-link').click();
await phone.waitForURL(/\/b\/.*note=/);
await phone.waitForTimeout(800);
await phone.screenshot({ path: out('13-note-on-board') });

// Empty states: a new workshop with nothing gathered or published.
const fresh = await api(fac, '/api/workshops', {
  title: 'Nyt forløb',
  organisation: 'Sønderå Kommune',
  template: 'municipal-process',
});
await fac.goto(`${base}/w/${fresh.body.workshop.id}/leaders`);
await fac.waitForSelector('[data-testid=leaders-empty]');
await fac.screenshot({ path: out('14-panel-empty') });
await fac.goto(`${base}/w/${fresh.body.workshop.id}/published`);
await fac.waitForSelector('[data-testid=published-empty]');
await fac.screenshot({ path: out('15-published-empty') });

await browser.close();
if (logs.length) console.log(logs.join('\n'));
console.log('screenshots in', outDir);
