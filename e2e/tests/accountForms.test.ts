import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signUpFirstFacilitator } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';

const suite = useSamleAndBrowser();

describe('account forms', () => {
  it('the account forms say what is wrong where it is: a wrong sign-in, a short new password, a wrong current one, an address that is not one, a colleague who is not one', async () => {
    const baseUrl = suite.samle().baseUrl;
    const freja = await suite.person('Freja', 'da-DK');
    await signUpFirstFacilitator(freja, baseUrl);
    await freja.getByRole('link', { name: 'Administration' }).waitFor();
    const made = await freja.evaluate(async () => {
      const response = await fetch('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-samle-csrf': '1' },
        body: JSON.stringify({ name: 'Bo Kollega', email: 'bo@example.dk', password: 'bos lange kodeord' }),
      });
      return response.status;
    });
    expect(made).toBe(201);

    const bo = await suite.person('Bo', 'da-DK');
    await bo.goto(baseUrl);
    await bo.getByTestId('signin-email').fill('bo@example.dk');
    await bo.getByTestId('signin-password').fill('forkert kodeord');
    await bo.getByTestId('signin-submit').click();
    expect(await bo.getByTestId('signin-error').textContent()).toBe('E-mail og adgangskode passer ikke til en konto.');
    expect(await bo.getByTestId('signin-submit').isEnabled()).toBe(true);
    await bo.getByTestId('signin-password').fill('bos lange kodeord');
    await bo.getByTestId('signin-submit').click();
    await bo.getByRole('link', { name: 'Administration' }).waitFor();

    await freja.getByRole('link', { name: 'Administration' }).click();
    const reset = freja.locator('form').filter({ hasText: 'Lav nulstillingslink' });
    await freja.getByLabel('Nuværende adgangskode').fill('forkert kodeord');
    await freja.getByLabel('Ny adgangskode').fill('kort');
    await freja.getByRole('button', { name: 'Skift adgangskode' }).click();
    await freja.getByText('Brug mindst 10 tegn.').waitFor();
    await freja.getByLabel('Ny adgangskode').fill('et nyt langt kodeord');
    await freja.getByRole('button', { name: 'Skift adgangskode' }).click();
    await freja.getByText('Den nuværende adgangskode er ikke rigtig.').waitFor();
    expect(await freja.getByText('Brug mindst 10 tegn.').count()).toBe(0);

    await freja.getByLabel('Kollegaens e-mail').fill('bo');
    await freja.getByRole('button', { name: 'Lav nulstillingslink' }).click();
    await freja.getByText('Skriv en e-mailadresse.').waitFor();
    await freja.getByLabel('Kollegaens e-mail').fill(' bo@example.dk ');
    await freja.getByRole('button', { name: 'Lav nulstillingslink' }).click();
    await freja.getByText('Du har ingen medfacilitator med den e-mail. Driften kan nulstille alle konti.').waitFor();
    expect(await freja.getByText('Skriv en e-mailadresse.').count()).toBe(0);
    expect(await reset.getByRole('alert').count()).toBe(1);
    const dir = process.env.SAMLE_SCREENSHOT_DIR;
    if (dir) {
      await freja.getByRole('heading', { name: 'Din konto' }).scrollIntoViewIfNeeded();
      await freja.screenshot({ path: path.join(dir, 'admin-account-forms-da.png') });
    }
  }, 180_000);
});
