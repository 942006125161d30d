import { describe, expect, it } from 'vitest';
import { signUpFirstFacilitator, workshopWithOpenDay } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('facilitator administration', () => {
  it('by keyboard: the facilitator invites a colleague as co-facilitator, who joins by the link; archiving moves the workshop under Archived', async () => {
    const baseUrl = suite.samle().baseUrl;
    const freja = await suite.person('Freja', 'en-GB');
    await signUpFirstFacilitator(freja, baseUrl);
    await workshopWithOpenDay(freja, 'Byggesag 2027');
    // A colleague's account, made by the signed-in facilitator (as the sign-up page allows).
    const made = await freja.evaluate(async () => {
      const response = await fetch('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-samle-csrf': '1' },
        body: JSON.stringify({ name: 'Bo Kollega', email: 'bo@example.dk', password: 'bos lange kodeord' }),
      });
      return response.status;
    });
    expect(made).toBe(201);

    // Administration from the header, by keyboard.
    await freja.getByRole('link', { name: 'Administration' }).focus();
    await freja.keyboard.press('Enter');
    const card = freja.getByTestId('admin-workshop').filter({ hasText: 'Byggesag 2027' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Invite co-facilitator' }).focus();
    await freja.keyboard.press('Enter');
    const link = await freja.getByTestId('cofacilitator-link').inputValue();
    expect(link).toContain('/admin/join/');

    const bo = await suite.person('Bo', 'en-GB');
    await bo.goto(baseUrl);
    await bo.getByTestId('signin-email').fill('bo@example.dk');
    await bo.getByTestId('signin-password').fill('bos lange kodeord');
    await bo.getByTestId('signin-submit').click();
    await bo.getByRole('link', { name: 'Administration' }).waitFor();
    await bo.goto(link);
    await bo.getByRole('button', { name: 'Join as co-facilitator' }).focus();
    await bo.keyboard.press('Enter');
    await bo.getByRole('link', { name: 'Open the workshop' }).focus();
    await bo.keyboard.press('Enter');
    await bo.waitForURL(/\/w\/[A-Za-z0-9]+$/);

    // Both facilitators are listed; archiving moves the workshop under "Archived".
    await freja.reload();
    await card.waitFor();
    expect(await card.textContent()).toContain('Bo Kollega, Freja Facilitator');
    await card.getByRole('button', { name: 'Archive' }).focus();
    await freja.keyboard.press('Enter');
    await freja
      .getByRole('region', { name: /Archived/ })
      .getByTestId('admin-workshop')
      .filter({ hasText: 'Byggesag 2027' })
      .waitFor();
  });
});
