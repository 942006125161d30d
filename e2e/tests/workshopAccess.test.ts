import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  connected,
  joinByCode,
  noteWithText,
  signUpFirstFacilitator,
  workshopWithOpenDay,
  writeNote,
} from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();
const newPerson = suite.person;

describe('a facilitated workshop in the browser', () => {
  it('facilitator prepares, three join by code, tables write only their own board, and the archive is read-only', async () => {
    // The facilitator creates the first account on a fresh install and a workshop from the template.
    const facilitator = await newPerson('Freja');
    await signUpFirstFacilitator(facilitator, suite.samle().baseUrl);
    const { workshopUrl, code } = await workshopWithOpenDay(facilitator, 'Erhvervsservice 2027');
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    // Three participants join by code, each in their own browser.
    const names = ['Ada', 'Bo', 'Cai'];
    const participants: Page[] = [];
    for (const name of names) {
      const page = await newPerson(name);
      const started = Date.now();
      await joinByCode(page, suite.samle().baseUrl, code, name);
      expect(Date.now() - started).toBeLessThan(10_000);
      participants.push(page);
    }

    // Split into two tables and open group work.
    await facilitator.getByTestId('person').nth(2).waitFor();
    await facilitator.getByTestId('split-count').fill('2');
    await facilitator.getByTestId('split-tables').click();
    await facilitator.getByTestId('table').nth(1).waitFor();
    await facilitator.getByTestId('open-group-work').click();
    await facilitator.locator('[data-testid="session-board-link"][data-board-kind="group"]').nth(1).waitFor();
    const tableBoards = await facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="group"]')
      .evaluateAll((links) =>
        links.map((link) => ({
          boardId: link.getAttribute('data-board-id'),
          groupId: link.getAttribute('data-group-id'),
        })),
      );
    const tables = await facilitator.getByTestId('table').evaluateAll((columns) =>
      columns.map((column) => ({
        groupId: column.getAttribute('data-group-id'),
        members: [...column.querySelectorAll('[data-testid="table-member"] .member-name')].map(
          (m) => m.textContent ?? '',
        ),
      })),
    );
    const boardOf = (name: string) => {
      const table = tables.find((t) => t.members.includes(name));
      return tableBoards.find((b) => b.groupId === table?.groupId)?.boardId ?? '';
    };

    // Each participant writes on their own table's board.
    for (const [index, page] of participants.entries()) {
      const name = names[index] ?? '';
      await page.goto(`${suite.samle().baseUrl}/b/${boardOf(name)}`);
      await connected(page);
      await writeNote(page, `${name} skriver ved sit bord`);
    }
    // Table-mates see each other's notes; the facilitator sees both tables.
    await facilitator.goto(`${suite.samle().baseUrl}/b/${boardOf('Ada')}`);
    await noteWithText(facilitator, 'Ada skriver ved sit bord');

    // Ada opens the other table's board: she can read it, but not write.
    const ada = participants[0] as Page;
    const otherBoard = tableBoards.find((b) => b.boardId !== boardOf('Ada'))?.boardId ?? '';
    await ada.goto(`${suite.samle().baseUrl}/b/${otherBoard}`);
    await connected(ada);
    await ada.getByTestId('read-only-badge').waitFor();
    expect(await ada.getByTestId('add-note').count()).toBe(0);
    const someoneElse = names.find((name) => boardOf(name) === otherBoard) ?? '';
    await noteWithText(ada, `${someoneElse} skriver ved sit bord`);

    // The session ends; a viewer link shows the boards read-only.
    await facilitator.goto(workshopUrl);
    await facilitator.getByTestId('session-tab').nth(1).click();
    await facilitator.getByTestId('end-session').click();
    await facilitator.getByTestId('session-confirm-yes').click();
    await facilitator.getByTestId('invite-viewer').click();
    const viewerUrl = (await facilitator.getByTestId('invite-url').textContent())?.trim() ?? '';
    expect(viewerUrl).toContain('/invite/');

    const viewer = await newPerson('Vera', 'en-US');
    await viewer.setViewportSize({ width: 390, height: 844 });
    await viewer.goto(viewerUrl);

    await viewer.getByTestId('invite-name-input').fill('Vera');
    await viewer.getByTestId('invite-submit').click();
    await viewer.waitForURL(/\/w\//);
    await viewer.goto(`${suite.samle().baseUrl}/b/${boardOf('Ada')}`);
    await connected(viewer);
    await viewer.getByTestId('read-only-badge').waitFor();
    await noteWithText(viewer, 'Ada skriver ved sit bord');
    expect(await viewer.getByTestId('add-note').count()).toBe(0);
  });
});
