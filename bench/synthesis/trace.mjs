// A Chrome trace of one phase of the synthesis benchmark, and where the page's main thread spent it: self CPU time
// (the events' thread time, so a loaded machine's waits for a core are left out) by kind of work (script, style, layout, paint, …), and how many layouts ran and how many of them a script forced
// (read a size while the page had changed). For `bench/synthesis/run.mjs --trace`: look before changing code.
import { writeFileSync } from 'node:fs';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink',
  'blink.user_timing',
].join(',');

// Events that run a script: a layout inside one of these was forced by the script.
const SCRIPT = new Set(['FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'v8.callFunction']);

/** Starts a trace of `page`; `stop(file)` writes it and returns its summary. */
export async function startTrace(browser, page) {
  await browser.startTracing(page, { categories: CATEGORIES.split(','), screenshots: false });
  return {
    async stop(file) {
      const buffer = await browser.stopTracing();
      writeFileSync(file, buffer);
      return summariseTrace(JSON.parse(buffer.toString('utf8')));
    },
  };
}

/** The renderer main thread with the most work in the trace (the page under test). */
function mainThread(events) {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** An event's thread (CPU) time in µs; its wall time where the trace has none. */
const cpu = (event) => (typeof event.tdur === 'number' ? event.tdur : event.dur);

/** Self CPU time (ms) by event name on the page's main thread, and the layouts (forced by a script or not). */
export function summariseTrace(trace) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const thread = mainThread(events);
  const mine = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const layouts = { count: 0, forced: 0, forcedMs: 0, ms: 0, dirtyObjects: 0 };
  const styles = { count: 0, elements: 0 };
  for (const event of mine) {
    while (stack.length > 0 && stack[stack.length - 1].end <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children += cpu(event);
    if (event.name === 'Layout') {
      layouts.count += 1;
      layouts.ms += cpu(event) / 1000;
      layouts.dirtyObjects += event.args?.beginData?.dirtyObjects ?? 0;
      if (stack.some((open) => SCRIPT.has(open.event.name))) {
        layouts.forced += 1;
        layouts.forcedMs += cpu(event) / 1000;
      }
    }
    if (event.name === 'UpdateLayoutTree') {
      styles.count += 1;
      styles.elements += event.args?.elementCount ?? 0;
    }
    stack.push({ event, end: event.ts + event.dur, children: 0 });
    // Self time is booked when the event is closed; keep a handle on it for that.
    event.__frame = stack[stack.length - 1];
  }
  for (const event of mine) {
    const own = (cpu(event) - event.__frame.children) / 1000;
    self.set(event.name, (self.get(event.name) ?? 0) + Math.max(0, own));
  }
  const totalMs = Math.round([...self.values()].reduce((sum, ms) => sum + ms, 0));
  const ranked = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14)
    .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return { totalMs, ranked, layouts, styles };
}

export function printTrace(label, { totalMs, ranked, layouts, styles }) {
  console.log(`\nTrace of ${label}: main-thread CPU ${totalMs} ms; self CPU time by kind of work`);
  for (const { name, ms } of ranked) console.log(`  ${String(ms).padStart(7)} ms  ${name}`);
  console.log(
    `  layouts: ${layouts.count} (${Math.round(layouts.ms)} ms), forced by a script: ${layouts.forced} (${Math.round(layouts.forcedMs)} ms), dirty objects per layout: ${layouts.count ? Math.round(layouts.dirtyObjects / layouts.count) : 0}; style recalcs: ${styles.count}, elements per recalc: ${styles.count ? Math.round(styles.elements / styles.count) : 0}`,
  );
}
