// Preloaded into a benchmarked server (node --import): watches its event loop with
// perf_hooks.monitorEventLoopDelay and, on SIGUSR2, prints the longest stall and the p99 since the
// last SIGUSR2 as one line on stderr (`loop-stall max=… p99=… ms`), then starts counting afresh.
// Works with any build of the server, old or new: nothing in the server knows of it.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => (ns / 1e6).toFixed(1);
  process.stderr.write(`loop-stall max=${ms(histogram.max)} p99=${ms(histogram.percentile(99))} ms\n`);
  histogram.reset();
});
