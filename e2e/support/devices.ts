import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** A participant's phone: 390×844, touch, Danish, with `name` remembered as the person's name. */
export async function phone(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'da-DK',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript((personName) => {
    window.localStorage.setItem('samle.name', personName);
  }, name);
  return context.newPage();
}

/** Keeps a screenshot of the page as `name`.png when SAMLE_SCREENSHOT_DIR is set (for a look; asserts nothing). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SAMLE_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
