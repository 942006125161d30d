import type { Page } from 'playwright-core';

/** Steps people take in the UI, shared by the end-to-end tests. */

export function connected(page: Page): Promise<unknown> {
  return page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

/** Resolves when some note on the page shows exactly `text` (the page re-renders from the Yjs doc). */
export function noteWithText(page: Page, text: string): Promise<unknown> {
  return page.waitForFunction(
    (expected) =>
      [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid="note-text"]')].some(
        (t) => t.value === expected,
      ),
    text,
  );
}

export async function writeNote(page: Page, text: string): Promise<void> {
  await page.getByTestId('add-note').click();
  const area = page.getByTestId('note-text').last();
  await area.waitFor();
  await area.click();
  await area.pressSequentially(text);
}

/** Double-clicks the empty board at a point (page coordinates) and types a new note there. */
export async function writeNoteAt(page: Page, x: number, y: number, text: string): Promise<void> {
  const before = await page.getByTestId('note').count();
  await page.mouse.dblclick(x, y);
  try {
    await page.locator('[data-testid="note"]').nth(before).waitFor();
  } catch (error) {
    // Say what was under the pointer and how the board stood, so an intermittent failure can be told from the log.
    const seen = await page.evaluate(
      ([px, py]) => {
        const at = document.elementFromPoint(px as number, py as number);
        const path = [];
        for (let el = at; el && path.length < 4; el = el.parentElement) {
          path.push(
            `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`,
          );
        }
        const state = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state');
        return `under (${px}, ${py}): ${path.join(' < ')}; connection: ${state}; notes: ${document.querySelectorAll('[data-testid="note"]').length}; focus: ${document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName}`;
      },
      [x, y],
    );
    throw new Error(`writeNoteAt: no new note after a double-click (${seen})`, { cause: error });
  }
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

/**
 * A point on the empty board beside note `index` (to its right, else below it), for the next
 * double-click: a note's size on screen follows the board's zoom, so a fixed point may land on it.
 */
export async function besideNote(page: Page, index: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('note').nth(index).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`besideNote: note ${index} is not on screen`);
  const right = box.x + box.width + 80;
  if (right < viewport.width - 40) return { x: right, y: box.y + box.height / 2 };
  return { x: box.x + box.width / 2, y: Math.min(box.y + box.height + 80, viewport.height - 40) };
}

/** On a fresh install: creates the first facilitator account from the start page. */
export async function signUpFirstFacilitator(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('signup-name').fill('Freja Facilitator');
  await page.getByTestId('signup-email').fill('freja@example.dk');
  await page.getByTestId('signup-password').fill('et langt kodeord');
  await page.getByTestId('signup-submit').click();
}

/** A fresh install's first facilitator, on the plenum board of a new workshop with day 1 open (connected). */
export async function facilitatorOnPlenum(
  page: Page,
  baseUrl: string,
  title: string,
): Promise<{ code: string; boardId: string }> {
  await signUpFirstFacilitator(page, baseUrl);
  const { code } = await workshopWithOpenDay(page, title);
  const boardId = await page
    .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
    .getAttribute('data-board-id');
  if (!boardId) throw new Error('the workshop has no plenum board');
  await page.goto(`${baseUrl}/b/${boardId}`);
  await connected(page);
  return { code, boardId };
}

/** Creates a workshop from the process template and opens employee day 1; returns the cockpit URL and join code. */
export async function workshopWithOpenDay(page: Page, title: string): Promise<{ workshopUrl: string; code: string }> {
  await page.getByTestId('workshop-title-input').fill(title);
  await page.getByTestId('workshop-template').selectOption('municipal-process');
  await page.getByTestId('create-workshop').click();
  await page.waitForURL(/\/w\/[A-Za-z0-9_-]+/);
  const workshopUrl = page.url();
  // Employee day 1 is the template's second session.
  await page.getByTestId('session-tab').nth(1).click();
  await page.getByTestId('open-session').click();
  const code = (await page.getByTestId('join-code').textContent())?.replace(/\s/g, '') ?? '';
  return { workshopUrl, code };
}

/** A participant joins by code and lands on a board or their workshop home. */
export async function joinByCode(page: Page, baseUrl: string, code: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/join?code=${code}`);
  await page.getByTestId('join-name-input').fill(name);
  await page.getByTestId('join-submit').click();
  await page.waitForURL(/\/(b|w)\//);
}

/**
 * A call to the API as the person in `page`, as the client makes it: the facilitator's
 * cookie and the CSRF header, or the workshop grant a participant or leader holds in the
 * browser as a bearer token. GET without a body, POST with one. Fails on any status but
 * 2xx; resolves with the JSON (null for none).
 */
export async function api<T = unknown>(page: Page, url: string, body?: unknown): Promise<T> {
  const { status, text } = await page.evaluate(
    async ([u, b]) => {
      const grantKey = Object.keys(localStorage).find((key) => key.startsWith('samle.grant.'));
      const grant = grantKey ? (JSON.parse(localStorage.getItem(grantKey) ?? '{}') as { token?: string }) : {};
      const response = await fetch(u, {
        method: b === undefined ? 'GET' : 'POST',
        headers: {
          'x-samle-csrf': '1',
          ...(grant.token ? { authorization: `Bearer ${grant.token}` } : {}),
          ...(b === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: response.status, text: await response.text() };
    },
    [url, body] as const,
  );
  if (status < 200 || status >= 300)
    throw new Error(`${body === undefined ? 'GET' : 'POST'} ${url}: ${status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
