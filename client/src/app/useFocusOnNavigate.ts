import { useEffect, useRef } from 'react';

/** How long to wait for a page's heading to appear (it may render after its data loads). */
const WAIT_MS = 3000;

/**
 * After an in-app page change, focus moves to the new page's heading, so a
 * screen reader announces where the person is and Tab starts from the top of
 * the new page instead of from a button that no longer exists (WCAG 2.4.3).
 * Not on the first load: there the browser's own start applies. Not either
 * when the new page put focus somewhere itself (a name prompt, a field).
 */
export function useFocusOnNavigate(pathname: string): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger — each new page moves focus once.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const started = performance.now();
    let frame = requestAnimationFrame(function look() {
      if (focusPlacedByPage()) return;
      const heading = document.querySelector<HTMLElement>('main h1, h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
        return;
      }
      if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(look);
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

function focusPlacedByPage(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return false;
  return (
    active.closest('dialog, [role="dialog"], main') !== null ||
    active.matches('input, textarea, select, [contenteditable="true"]')
  );
}
