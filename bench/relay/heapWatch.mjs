// Preloaded into every benchmarked server, Samle and its peers alike (node --expose-gc --import):
// on SIGWINCH it runs two full garbage collections and prints what the process then holds as one
// line on stderr: `heap-held seq=N rss=… heap=… external=…` (bytes; `external` includes array
// buffers). The big-board scenario reads it to measure what a server keeps per loaded board,
// apart from garbage not yet collected and pages V8 has not handed back (which RSS also counts).
// SIGWINCH is ignored by default, so a server without this preload is unaffected by the signal.
let seq = 0;
process.on('SIGWINCH', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  seq += 1;
  const collected = typeof globalThis.gc === 'function' ? 1 : 0;
  process.stderr.write(`heap-held seq=${seq} gc=${collected} rss=${rss} heap=${heapUsed} external=${external}\n`);
});
