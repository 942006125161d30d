import type { Page } from 'playwright-core';

/** A control that sticks out of the viewport, as the browser laid it out. */
export interface OutsideControl {
  what: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Every visible control (buttons, links, fields) whose box is not inside the
 * viewport. Across: always. Down: only for controls that stay put while the
 * page scrolls (fixed or inside a non-scrolling page like the canvas), since a
 * long list below the fold is normal. Notes and themes on the canvas are
 * skipped (panning moves them off-screen on purpose), and so is the skip link
 * until it has focus.
 */
export function controlsOutsideViewport(page: Page, options: { vertical: boolean }): Promise<OutsideControl[]> {
  return page.evaluate(({ vertical }) => {
    const selector = 'button, a[href], input, select, textarea, [role="button"], [role="switch"]';
    const width = window.innerWidth;
    const height = window.innerHeight;
    const outside: OutsideControl[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('.board-layer, .sr-only')) continue;
      // The skip link waits above the page until Tab reaches it.
      if (element.matches('.skip-link:not(:focus)')) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = element.getBoundingClientRect();
      // Visually hidden inputs (a styled radio's real input) are 1px boxes.
      if (box.width <= 1 || box.height <= 1) continue;
      const across = box.left < -0.5 || box.right > width + 0.5;
      const down = vertical && (box.top < -0.5 || box.bottom > height + 0.5);
      if (across || down) {
        const name =
          element.dataset.testid ?? element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30);
        outside.push({ what: `${element.tagName.toLowerCase()} ${name ?? ''}`, ...box.toJSON() });
      }
    }
    return outside;
  }, options);
}

/** True when the page can be scrolled sideways (wider content than the viewport). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 0.5);
}
