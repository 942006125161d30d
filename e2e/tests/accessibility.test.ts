import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type AxeFinding, axeFindings } from '../support/axe.js';
import { connected, joinByCode, signUpFirstFacilitator } from '../support/flows.js';
import { useSamleAndBrowser } from '../support/suite.js';
import { scrollsSideways } from '../support/viewportChecks.js';

const suite = useSamleAndBrowser();

const SIZES = [
  { name: 'laptop', viewport: { width: 1366, height: 900 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
] as const;
const LANGUAGES = ['da', 'en'] as const;

interface Pages {
  /** Paths a signed-out visitor opens. */
  visitor: string[];
  /** Paths the facilitator opens (signed in). */
  facilitator: string[];
  /** Paths a participant who joined opens. */
  participant: string[];
}

async function contextFor(
  browser: Browser,
  size: { viewport: { width: number; height: number }; touch: boolean },
  lang: (typeof LANGUAGES)[number],
  cookiesFrom?: BrowserContext,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: lang === 'da' ? 'da-DK' : 'en-GB',
    viewport: size.viewport,
    isMobile: size.touch,
    hasTouch: size.touch,
    // Samle's Content-Security-Policy allows only its own scripts; axe-core is injected by the test, not served.
    bypassCSP: true,
  });
  await context.addInitScript((language) => {
    window.localStorage.setItem('samle.lang', language);
    window.localStorage.setItem('samle.name', 'Tilde Tester');
  }, lang);
  if (cookiesFrom) await context.addCookies(await cookiesFrom.cookies());
  return context;
}

/** Opens a page and waits until it has drawn its content (no loading spinners or skeletons left). */
async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () =>
      document.querySelector('h1, [role="heading"][aria-level="1"]') !== null &&
      document.querySelector('.spinner, .skeleton, [data-testid$="-loading"], [data-testid="board-loading"]') === null,
    undefined,
    { timeout: 15_000 },
  );
}

async function findingsOn(page: Page, paths: readonly string[], base: string): Promise<Record<string, AxeFinding[]>> {
  const found: Record<string, AxeFinding[]> = {};
  for (const path of paths) {
    await openSettled(page, `${base}${path}`);
    const findings = await axeFindings(page);
    if (findings.length > 0) found[path] = findings;
  }
  return found;
}

describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  let pages: Pages | undefined;
  let facilitatorContext: BrowserContext | undefined;
  let participantGrant: { key: string; value: string }[] = [];

  /** A demo workshop with an open day, a participant who joined it, and every page's address. */
  async function setUp(): Promise<{ pages: Pages; facilitator: BrowserContext }> {
    if (pages && facilitatorContext) return { pages, facilitator: facilitatorContext };
    const base = suite.samle().baseUrl;
    const facilitator = await suite.person('Freja');
    await signUpFirstFacilitator(facilitator, base);
    await facilitator.getByTestId('create-demo').first().click();
    await facilitator.waitForURL(/\/w\//);
    const workshopId = new URL(facilitator.url()).pathname.split('/')[2] as string;
    await facilitator.getByTestId('session-tab').nth(1).click();
    if (await facilitator.getByTestId('open-session').count()) await facilitator.getByTestId('open-session').click();
    const code = ((await facilitator.getByTestId('join-code').textContent()) ?? '').replace(/\s/g, '');
    const boardId = (await facilitator
      .locator('[data-testid="session-board-link"][data-board-kind="plenum"]')
      .first()
      .getAttribute('data-board-id')) as string;
    const sessionId = (await facilitator.locator('.cockpit-grid').first().getAttribute('data-session-id')) ?? '';

    const participant = await suite.person('Tilde');
    await joinByCode(participant, base, code, 'Tilde');
    await connected(participant);
    participantGrant = await participant.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('samle.'))
        .map((key) => ({ key, value: localStorage.getItem(key) ?? '' })),
    );

    const w = `/w/${encodeURIComponent(workshopId)}`;
    const b = `/b/${encodeURIComponent(boardId)}`;
    pages = {
      visitor: ['/', '/join', '/tilgaengelighed'],
      facilitator: [
        w,
        `${w}/plan`,
        `${w}/synthesis`,
        `${w}/catalog`,
        `${w}/leaders`,
        `${w}/leaders/screen`,
        `${w}/synthesis/screen`,
        `${b}/screen`,
        ...(sessionId ? [`${w}/screen/${encodeURIComponent(sessionId)}`] : []),
        ...(sessionId ? [`${w}/report/${encodeURIComponent(sessionId)}`] : []),
        `${w}/published`,
        `${w}/evaluation`,
      ],
      participant: [
        w,
        `${b}?view=canvas`,
        `${b}?view=list`,
        `${b}?view=write`,
        `${w}/published`,
        `${w}/questions`,
        `${w}/reflection`,
        `${w}/evaluation`,
      ],
    };
    facilitatorContext = facilitator.context();
    return { pages, facilitator: facilitatorContext };
  }

  for (const size of SIZES) {
    for (const lang of LANGUAGES) {
      it(`finds no serious or critical violation and no contrast failure on every page (${lang}, ${size.name})`, async () => {
        const { pages, facilitator } = await setUp();
        const base = suite.samle().baseUrl;
        const found: Record<string, AxeFinding[]> = {};

        const visitor = await (await contextFor(suite.browser(), size, lang)).newPage();
        Object.assign(found, await findingsOn(visitor, pages.visitor, base));
        await visitor.context().close();

        const lead = await (await contextFor(suite.browser(), size, lang, facilitator)).newPage();
        for (const [path, findings] of Object.entries(await findingsOn(lead, pages.facilitator, base))) {
          found[`facilitator ${path}`] = findings;
        }
        await lead.context().close();

        const participantContext = await contextFor(suite.browser(), size, lang);
        await participantContext.addInitScript((items) => {
          for (const { key, value } of items) if (key !== 'samle.lang') window.localStorage.setItem(key, value);
        }, participantGrant);
        const participant = await participantContext.newPage();
        for (const [path, findings] of Object.entries(await findingsOn(participant, pages.participant, base))) {
          found[`participant ${path}`] = findings;
        }
        await participantContext.close();

        expect(found).toEqual({});
      }, 240_000);
    }
  }

  it('reflows at 320 px: no page scrolls sideways (WCAG 1.4.10)', async () => {
    const { pages, facilitator } = await setUp();
    const base = suite.samle().baseUrl;
    const narrow = { name: 'narrow', viewport: { width: 320, height: 640 }, touch: true } as const;
    const sideways: string[] = [];
    const check = async (context: BrowserContext, paths: readonly string[], who: string) => {
      const page = await context.newPage();
      for (const path of paths) {
        await openSettled(page, `${base}${path}`);
        if (await scrollsSideways(page)) sideways.push(`${who} ${path}`);
      }
      await context.close();
    };
    await check(await contextFor(suite.browser(), narrow, 'da'), pages.visitor, 'visitor');
    await check(await contextFor(suite.browser(), narrow, 'da', facilitator), pages.facilitator, 'facilitator');
    const participantContext = await contextFor(suite.browser(), narrow, 'da');
    await participantContext.addInitScript((items) => {
      for (const { key, value } of items) if (key !== 'samle.lang') window.localStorage.setItem(key, value);
    }, participantGrant);
    await check(participantContext, pages.participant, 'participant');
    expect(sideways).toEqual([]);
  }, 240_000);
});
