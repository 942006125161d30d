/**
 * Headless Chromium for the screenshot and walkthrough scripts in this folder,
 * with the flags this machine needs (see the team's toolchain notes). Dev tools,
 * not tests: the e2e tests use e2e/support/samle.ts.
 */
import { createRequire } from 'node:module';

// playwright-core is a dependency of the e2e package; these dev scripts borrow its install.
const require = createRequire(new URL('../../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.SAMLE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
