// The browser benchmarks' frame recorder: what each frame cost the page's main thread while a bench scrolls,
// drags or picks. startFrames and stopFrames run in the page (`page.evaluate(startFrames)`); frameSummary in Node.
import { percentile } from './workshop.mjs';

/**
 * Records every frame's interval (vsync-paced, ≥ 16.7 ms at 60 Hz) and main-thread work, and every long task,
 * until stopFrames. A frame's work runs from its requestAnimationFrame callback until a message posted there is
 * delivered, which happens after the frame's style, layout and paint.
 */
export function startFrames() {
  window.__frames = [];
  window.__work = [];
  window.__long = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__long.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let last = performance.now();
  let frameStart = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => window.__work.push(performance.now() - frameStart);
  window.__recording = true;
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    frameStart = performance.now();
    channel.port2.postMessage(0);
    if (window.__recording) requestAnimationFrame(tick);
    else observer.disconnect();
  };
  requestAnimationFrame(tick);
}

/** Stops the recording; the first frame is left out (its interval runs from startFrames, not from a frame). */
export function stopFrames() {
  window.__recording = false;
  return { frames: window.__frames.slice(1), work: window.__work.slice(1), long: window.__long };
}

/** Frame intervals and work at p50 / p95 (ms), and the long tasks' count and total (ms). */
export function frameSummary({ frames, work, long }) {
  const intervals = [...frames].sort((a, b) => a - b);
  const works = [...work].sort((a, b) => a - b);
  return {
    frames: frames.length,
    intervalP50: percentile(intervals, 50),
    intervalP95: percentile(intervals, 95),
    workP50: percentile(works, 50),
    workP95: percentile(works, 95),
    longTasks: long.length,
    longMs: long.reduce((sum, duration) => sum + duration, 0),
  };
}
