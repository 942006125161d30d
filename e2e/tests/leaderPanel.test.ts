import { describe, expect, it } from 'vitest';
import { connected, joinByCode, signUpFirstFacilitator, workshopWithOpenDay, writeNote } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('the leader panel', () => {
  it('a leader decides with the keyboard, the facilitator publishes, and a participant finds their own note behind the decision', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, base);
    const { workshopUrl, code } = await workshopWithOpenDay(facilitator, 'Lederpanel');
    const workshopId = new URL(workshopUrl).pathname.split('/')[2] ?? '';

    // Ada writes a note on the plenum; the facilitator gathers it into the catalog.
    const ada = await suite.person('Ada');
    await joinByCode(ada, base, code, 'Ada');
    await connected(ada);
    await writeNote(ada, 'Én indgang for virksomheder');
    await ada.keyboard.press('Escape');
    const boardId = new URL(ada.url()).pathname.split('/')[2] ?? '';
    const noteId = (await ada.getByTestId('note').first().getAttribute('data-note-id')) ?? '';
    // The note reaches the server a moment after it shows on Ada's screen: gather once it is there.
    const gather = () =>
      facilitator.evaluate(
        async ([w, b, n]) =>
          (
            await fetch(`/api/workshops/${w}/catalog/gather`, {
              method: 'POST',
              headers: { 'x-samle-csrf': '1', 'content-type': 'application/json' },
              body: JSON.stringify({ title: 'Én indgang', sources: [{ boardId: b, noteIds: [n] }] }),
            })
          ).status,
        [workshopId, boardId, noteId] as const,
      );
    await expect.poll(gather).toBe(201);

    // A leader accepts an invite and assesses the idea from the keyboard.
    await facilitator.goto(workshopUrl);
    await facilitator.getByTestId('invite-leader').click();
    const invite = (await facilitator.getByTestId('invite-url').textContent())?.trim() ?? '';
    const leader = await suite.person('Dorthe');
    await leader.goto(invite);
    await leader.getByTestId('invite-name-input').fill('Direktør Dorthe');
    await leader.getByTestId('invite-submit').click();
    await leader.waitForURL(/\/w\//);
    await leader.getByTestId('leader-panel-link').click();
    await leader.getByTestId('assessment-editor').waitFor();
    await leader.getByTestId('decision-council').focus();
    await leader.keyboard.press('Enter');
    await leader.locator('[data-testid="decision-council"][aria-pressed="true"]').waitFor();
    await leader.getByTestId('assessment-rank').fill('2');
    await leader.keyboard.press('Enter');
    await leader.getByTestId('assessment-start').selectOption('2027-03');
    await leader.getByTestId('assessment-end').selectOption('2027-06');
    await leader.getByTestId('rationale-editor').click();
    await leader.keyboard.type('Kræver et byrådsmøde i marts.');
    await leader.keyboard.press('Control+Enter');
    await leader.locator('[data-testid="decision-history"] [data-field="rationale"]').waitFor();
    const history = await leader.getByTestId('decision-history').textContent();
    expect(history).toContain('Direktør Dorthe');
    expect(history).toContain('Sendes til byrådsbeslutning');
    expect(await leader.getByTestId('publish-catalog').count()).toBe(0);

    // The participant sees nothing until the facilitator publishes.
    await ada.goto(`${workshopUrl}/published`);
    await ada.getByTestId('published-empty').waitFor();
    await facilitator.goto(`${workshopUrl}/leaders`);
    await facilitator.getByTestId('unpublished-changes').waitFor();
    await facilitator.getByTestId('publish-catalog').click();
    // Publishing asks first: every participant sees it at once.
    await facilitator.getByTestId('publish-catalog-yes').click();
    await facilitator.getByTestId('published-up-to-date').waitFor();
    // A leader's later change shows on the facilitator's open panel as unpublished (from the live catalog).
    await leader.getByTestId('assessment-rank').fill('3');
    await leader.keyboard.press('Enter');
    await facilitator.getByTestId('unpublished-changes').waitFor();

    // Live: the published catalog appears on Ada's open page, her note marked and one click from the board.
    await ada.getByTestId('published-catalog').waitFor();
    const idea = ada.getByTestId('catalog-idea').first();
    expect(await ada.locator('[data-testid="catalog-group"][data-decision="council"]').count()).toBe(1);
    expect(await idea.textContent()).toContain('Kræver et byrådsmøde i marts.');
    expect(await idea.textContent()).toContain('marts – juni 2027');
    await idea.getByTestId('your-note').waitFor();
    await idea.getByTestId('provenance-link').click();
    await ada.waitForURL((url) => url.pathname === `/b/${boardId}` && url.searchParams.get('note') === noteId);
    await connected(ada);

    // The big screen: three columns, the idea's sources one click away, and the timeline.
    await facilitator.goto(`${workshopUrl}/leaders/screen`);
    await facilitator.getByTestId('screen-idea').waitFor();
    expect(await facilitator.getByTestId('screen-column').count()).toBe(3);
    await facilitator.getByTestId('screen-idea').click();
    const link = facilitator.locator('[data-testid="sources-dialog"] [data-testid="provenance-link"]');
    expect(await link.getAttribute('href')).toBe(`/b/${boardId}?note=${noteId}`);
    await facilitator.keyboard.press('Escape');
    await facilitator.getByTestId('screen-view-timeline').click();
    await facilitator.getByTestId('timeline').waitFor();
    expect(await facilitator.locator('[data-testid="timeline-bar"][data-decision="council"]').count()).toBe(1);
  });

  it('says when Samle cannot be reached instead of loading forever, and shows the panel once it can', async () => {
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await facilitator.goto(base);
    await facilitator.locator('[data-testid=signup-submit], [data-testid=signin-submit]').first().waitFor();
    if ((await facilitator.getByTestId('signup-submit').count()) > 0) {
      await signUpFirstFacilitator(facilitator, base);
    } else {
      await facilitator.getByTestId('signin-email').fill('freja@example.dk');
      await facilitator.getByTestId('signin-password').fill('et langt kodeord');
      await facilitator.getByTestId('signin-submit').click();
    }
    await facilitator.getByTestId('create-demo').first().click();
    await facilitator.waitForURL(/\/w\/[A-Za-z0-9_-]+$/);
    const workshopId = new URL(facilitator.url()).pathname.split('/')[2] ?? '';
    // The sync connection fails (as when the network or a proxy drops it) until we let it through.
    let reachable = false;
    await facilitator.routeWebSocket(/\/sync/, (ws) => {
      if (reachable) ws.connectToServer();
      else ws.close({ code: 1006, reason: 'unreachable' });
    });
    await facilitator.goto(`${base}/w/${workshopId}/leaders`);
    await facilitator.getByTestId('leaders-unreachable').waitFor();
    expect(await facilitator.getByTestId('leader-idea').count()).toBe(0);
    reachable = true;
    await facilitator.getByTestId('leader-idea').first().waitFor({ timeout: 15_000 });
    expect(await facilitator.getByTestId('leaders-unreachable').count()).toBe(0);
  });
});
