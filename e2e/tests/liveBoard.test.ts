import { describe, expect, it } from 'vitest';
import { connected, joinByCode, noteWithText, signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

const person = suite.person;

describe('live board in two browsers', () => {
  it('one person types a note, the other sees it live, and it survives a server restart', async () => {
    const alice = await person('Alice');
    await signUpFirstFacilitator(alice, suite.samle().baseUrl);
    const { code } = await workshopWithOpenDay(alice, 'Plenum — temadag 1');
    const plenum = alice.locator('[data-testid="session-board-link"][data-board-kind="plenum"]');
    const boardUrl = `${suite.samle().baseUrl}/b/${await plenum.getAttribute('data-board-id')}`;
    await alice.goto(boardUrl);
    await connected(alice);

    // Bob joins by code and lands on the plenum board.
    const bob = await person('Bob');
    await joinByCode(bob, suite.samle().baseUrl, code, 'Bob');
    expect(bob.url()).toBe(boardUrl);
    await connected(bob);

    await alice.getByTestId('add-note').click();
    const text = alice.getByTestId('note-text').first();
    await text.waitFor();
    await text.click();
    await text.pressSequentially('Én indgang for virksomheder');
    await noteWithText(bob, 'Én indgang for virksomheder');

    // Bob adds to the same note; Alice sees his words appear.
    const bobsText = bob.getByTestId('note-text').first();
    await bobsText.click();
    await bobsText.press('End');
    await bobsText.pressSequentially(' — og kortere svartid');
    await noteWithText(alice, 'Én indgang for virksomheder — og kortere svartid');

    await suite.samle().restart();
    // Bob's page reconnects by itself.
    await connected(bob);

    // A third person, after the restart, gets the note from the server (not from anyone's memory).
    const carol = await person('Carol');
    await joinByCode(carol, suite.samle().baseUrl, code, 'Carol');
    await connected(carol);
    await noteWithText(carol, 'Én indgang for virksomheder — og kortere svartid');
    expect(await carol.getByTestId('note').count()).toBe(1);
  });
});
