// The catalog bench's `--waterfall`: when each request and WebSocket of one open started and ended, in ms after
// navigation start on the page's own clock, so the chain that holds up the list (which request waits for which) can
// be read. Requests are the browser's Resource Timing entries of the page's origin; WebSockets are not in Resource
// Timing, so an init script notes when each one is created and when its first message (the server's sync step)
// arrives.

/** Before the page's first script: remember every WebSocket's creation and first message. */
export async function recordSockets(page) {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const seen = [];
    Object.defineProperty(window, '__benchSockets', { value: seen });
    window.WebSocket = class extends Native {
      constructor(url, protocols) {
        super(url, protocols);
        const row = { url: String(url), start: performance.now(), open: undefined, end: undefined };
        seen.push(row);
        this.addEventListener('open', () => {
          row.open = performance.now();
        });
        this.addEventListener('message', () => {
          row.end ??= performance.now();
        });
      }
    };
  });
}

/** The rows of the open so far: requests and sockets, by start. */
export function readWaterfall(page) {
  return page.evaluate(() => {
    const short = (url) => {
      const parsed = new URL(url);
      return parsed.origin.replace(/^ws/, 'http') === location.origin ? parsed.pathname : undefined;
    };
    const rows = [];
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) rows.push({ what: `${location.pathname} (document)`, start: nav.startTime, end: nav.responseEnd });
    for (const entry of performance.getEntriesByType('resource')) {
      const path = short(entry.name);
      if (path) rows.push({ what: `${path} (${entry.initiatorType})`, start: entry.startTime, end: entry.responseEnd });
    }
    for (const socket of window.__benchSockets ?? []) {
      const path = short(socket.url);
      if (path) rows.push({ what: `${path} (socket; open at ${Math.round(socket.open ?? -1)})`, ...socket });
    }
    return rows
      .map((row) => ({ what: row.what, start: Math.round(row.start), end: row.end && Math.round(row.end) }))
      .sort((a, b) => a.start - b.start);
  });
}

export function printWaterfall(title, rows, listedMs) {
  console.log(`\n${title}\n`);
  console.log('| start (ms) | end (ms) | what |');
  console.log('|---|---|---|');
  let marked = false;
  for (const row of rows) {
    if (!marked && row.start > listedMs) {
      console.log(`| ${listedMs} | | **all ideas listed** |`);
      marked = true;
    }
    console.log(`| ${row.start} | ${row.end ?? ''} | ${row.what} |`);
  }
  if (!marked) console.log(`| ${listedMs} | | **all ideas listed** |`);
}
