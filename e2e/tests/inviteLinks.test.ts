import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

/** Screenshots for review when SAMLE_SCREENSHOT_DIR is set (docs and the UI's look); none in CI. */
async function shoot(page: Page, name: string, focus?: string): Promise<void> {
  const dir = process.env.SAMLE_SCREENSHOT_DIR;
  if (!dir) return;
  for (const [label, viewport] of [
    ['desktop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    if (focus) await page.getByTestId(focus).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(dir, `${name}-${label}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('invite links in the cockpit', () => {
  it('the facilitator makes a single-use leader link by keyboard; it shows workshop and role, lets one leader in, then says it is used; withdrawing and replacing work', async () => {
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, suite.samle().baseUrl);
    await workshopWithOpenDay(facilitator, 'Erhvervsservice 2027');

    // Keyboard only: tick "for one person only", then press the leader link button.
    await facilitator.getByTestId('invite-single-use').focus();
    await facilitator.keyboard.press('Space');
    expect(await facilitator.getByTestId('invite-single-use').isChecked()).toBe(true);
    await facilitator.getByTestId('invite-leader').focus();
    await facilitator.keyboard.press('Enter');
    const link = (await facilitator.getByTestId('invite-url').textContent())?.trim() ?? '';
    expect(link).toContain('/invite/');
    await facilitator.locator('[data-testid="invite-row"][data-status="active"]').first().waitFor();
    await shoot(facilitator, 'invites-cockpit', 'invite-list');

    // The leader sees which workshop and role the link is for before giving a name, and gets in.
    const leader = await suite.person('Lis');
    await leader.goto(link);
    const preview = leader.getByTestId('invite-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Erhvervsservice 2027');
    expect(await preview.getAttribute('data-role')).toBe('leader');
    await shoot(leader, 'invite-page');
    await leader.getByTestId('invite-submit').click();
    await leader.waitForURL(/\/w\//);

    // Someone else with the same link is told it has been used, and cannot submit.
    const other = await suite.person('Ole');
    await other.goto(link);
    const refused = other.getByTestId('invite-preview-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('allerede brugt');
    expect(await other.getByTestId('invite-submit').isDisabled()).toBe(true);
    await shoot(other, 'invite-page-used');

    // The facilitator sees it used after a reload, replaces it, and withdraws the replacement.
    await facilitator.reload();
    await facilitator.locator('[data-testid="invite-row"][data-status="used"]').waitFor();
    await facilitator
      .locator('[data-testid="invite-row"][data-status="used"] [data-testid="regenerate-invite"]')
      .click();
    await facilitator.locator('[data-testid="invite-row"][data-status="active"]').waitFor();
    const replacement = (await facilitator.getByTestId('invite-url').textContent())?.trim() ?? '';
    expect(replacement).not.toBe(link);
    await facilitator.locator('[data-testid="invite-row"][data-status="active"] [data-testid="revoke-invite"]').click();
    // The replaced link is already a revoked row: wait for the replacement itself to be withdrawn.
    await expect.poll(() => facilitator.locator('[data-testid="invite-row"][data-status="active"]').count()).toBe(0);
    expect(await facilitator.getByTestId('invite-url').count()).toBe(0);
    await shoot(facilitator, 'invites-cockpit-after', 'invite-list');

    const late = await suite.person('Sen');
    await late.goto(replacement);
    expect(await late.getByTestId('invite-preview-error').textContent()).toContain('trukket');
  });
});
