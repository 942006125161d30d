import { useEffect, useRef, useState } from 'react';
import { FOLLOW_GLIDE_MS, glideViewport } from '../facilitation/followViewport';
import type { Viewport } from '../interaction/viewport';

/** The view on screen, gliding to each new `target` instead of jumping (the first one is shown at once). */
export function useGlidingViewport(target: Viewport): Viewport {
  const [shown, setShown] = useState(target);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const first = useRef(true);
  const { panX, panY, zoom } = target;
  useEffect(() => {
    const to = { panX, panY, zoom };
    if (first.current) {
      first.current = false;
      setShown(to);
      return;
    }
    const from = shownRef.current;
    const start = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const progress = (now - start) / FOLLOW_GLIDE_MS;
      setShown(glideViewport(from, to, progress));
      if (progress < 1) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [panX, panY, zoom]);
  return shown;
}
