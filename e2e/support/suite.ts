import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { cspViolations, launchChromium, personContext, SamleProcess } from './samle.js';

export interface BrowserSuite {
  samle: () => SamleProcess;
  browser: () => Browser;
  /** A new page in a browser context of its own, with the person's name (and language) chosen. */
  person: (name: string, locale?: string) => Promise<Page>;
}

/** One built Samle server and one Chromium for a test file, started before and stopped after its tests. */
export function useSamleAndBrowser(): BrowserSuite {
  let samle: SamleProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    samle = new SamleProcess();
    await samle.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await samle?.stop();
    expect(cspViolations.splice(0), 'the app broke its own Content-Security-Policy').toEqual([]);
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (use inside a test)`);
    return value;
  };
  return {
    samle: () => need(samle, 'Samle'),
    browser: () => need(browser, 'Chromium'),
    person: async (name, locale) => (await personContext(need(browser, 'Chromium'), name, locale)).newPage(),
  };
}
