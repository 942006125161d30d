import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { untilDeviceCopyHolds } from '../support/deviceCopy.js';
import { besideNote, connected, facilitatorOnPlenum, joinByCode, noteWithText, writeNoteAt } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

let plenum: Promise<{ facilitator: Page; code: string; boardId: string }> | undefined;
/** The install's one facilitator on a plenum board (made by the first test that asks). */
function facilitatorsPlenum(): Promise<{ facilitator: Page; code: string; boardId: string }> {
  plenum ??= (async () => {
    const facilitator = await suite.person('Freja');
    const { code, boardId } = await facilitatorOnPlenum(facilitator, suite.samle().baseUrl, 'Åbning');
    return { facilitator, code, boardId };
  })();
  return plenum;
}

/** The board's sync sockets the page opens from now on (the control doc's `-ctl` socket apart). */
function boardSockets(page: Page, boardId: string): string[] {
  const opened: string[] = [];
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname.endsWith(`/${boardId}`)) opened.push(socket.url());
  });
  return opened;
}

// A board opened by its address asks for its record and opens its socket as the page starts, before the page's
// code has rendered (client/src/app/startRoute.ts); the board page adopts both (issue #19, the first paint).
describe('a board opened by its address', () => {
  it('opens one socket for the board, shows its notes and stays live', async () => {
    const { facilitator, code, boardId } = await facilitatorsPlenum();
    await writeNoteAt(facilitator, 500, 350, 'Før genindlæsning');

    const ada = await suite.person('Ada');
    await joinByCode(ada, suite.samle().baseUrl, code, 'Ada');
    await connected(ada);
    // A participant (a grant, not a cookie) reloads: the early record and socket carry her grant.
    const sockets = boardSockets(ada, boardId);
    await ada.reload();
    await connected(ada);
    await noteWithText(ada, 'Før genindlæsning');
    // The socket opened early is the page's: a note written now arrives through it.
    // Beside the first note, wherever the board's zoom has put it (a fixed point once landed on it).
    const free = await besideNote(facilitator, 0);
    await writeNoteAt(facilitator, free.x, free.y, 'Efter genindlæsning');
    await noteWithText(ada, 'Efter genindlæsning');
    expect(sockets).toHaveLength(1);
    expect(sockets[0]).toContain('token=');

    // The facilitator (a cookie, no token) reloads too.
    const facilitatorSockets = boardSockets(facilitator, boardId);
    await facilitator.reload();
    await connected(facilitator);
    await noteWithText(facilitator, 'Efter genindlæsning');
    expect(facilitatorSockets).toHaveLength(1);
    expect(facilitatorSockets[0]).not.toContain('token=');
  });

  it("keeps a first visit's board on the device, written once the page has it", async () => {
    const { facilitator, boardId } = await facilitatorsPlenum();
    await writeNoteAt(facilitator, 600, 300, 'Til enheden');
    // The facilitator on another device: the same account, nothing kept yet, the board opened by its address.
    const other = await suite.browser().newContext({ locale: 'da-DK' });
    await other.addCookies(await facilitator.context().cookies());
    const page = await other.newPage();
    await page.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await connected(page);
    await noteWithText(page, 'Til enheden');
    await untilDeviceCopyHolds(page, boardId, 'Til enheden');
    await other.close();
  });

  it('says the board is not there, and opens no socket, for a person without access', async () => {
    const { boardId } = await facilitatorsPlenum();
    const stranger = await suite.person('Bo');
    const sockets = boardSockets(stranger, boardId);
    await stranger.goto(`${suite.samle().baseUrl}/b/${boardId}`);
    await stranger.getByTestId('board-problem').waitFor();
    expect(sockets).toEqual([]);
  });
});
