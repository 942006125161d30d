// A CPU profile of one page's main thread (CDP Profiler), and where its time went: self time by script and by
// function. For `bench/board/run.mjs --profile`: look at the figures before changing the code.
import { writeFileSync } from 'node:fs';

/** Starts sampling the page's JavaScript (every 200 µs); `stop()` writes the profile and returns its summary. */
export async function startProfile(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      writeFileSync(file, JSON.stringify(profile));
      return summarise(profile);
    },
  };
}

const scriptName = (url) => (url ? url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js') : '(native)');

/** Self time (ms) by script and by function (name, script, line), biggest first. */
export function summarise(profile, top = 25) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const scripts = new Map();
  const functions = new Map();
  for (const [id, micros] of self) {
    const { callFrame } = byNode.get(id);
    const script = scriptName(callFrame.url);
    const fn = `${callFrame.functionName || '(anonymous)'} ${script}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
    scripts.set(script, (scripts.get(script) ?? 0) + micros);
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
  }
  const ranked = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000) }));
  const totalMs = Math.round((profile.endTime - profile.startTime) / 1000);
  return { totalMs, scripts: ranked(scripts), functions: ranked(functions) };
}

export function printSummary(label, summary) {
  console.log(`\nCPU profile of ${label}: ${summary.totalMs} ms from navigation to first paint; self time by script:`);
  for (const { name, ms } of summary.scripts) console.log(`  ${String(ms).padStart(7)} ms  ${name}`);
  console.log('by function:');
  for (const { name, ms } of summary.functions) console.log(`  ${String(ms).padStart(7)} ms  ${name}`);
}
