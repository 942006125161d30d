// Counts what a page transfers, from Chromium's own network events (CDP): for every HTTP response the
// `encodedDataLength` of `Network.loadingFinished` (headers and body as they crossed the wire, so
// compressed where the server compressed), and the payload of every WebSocket frame in either direction.

/** Resource types CDP names, folded into the columns the report prints. */
const KINDS = { Script: 'js', Stylesheet: 'css', Document: 'html', Fetch: 'api', XHR: 'api', Font: 'font' };

export class NetworkMeter {
  /** @param {import('playwright-core').CDPSession} cdp */
  static async attach(page) {
    const cdp = await page.context().newCDPSession(page);
    const meter = new NetworkMeter(cdp);
    await cdp.send('Network.enable');
    // Every run is a cold first visit: nothing from the memory or disk cache.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    return meter;
  }

  constructor(cdp) {
    this.requests = new Map();
    this.finished = [];
    this.websocketBytes = 0;
    cdp.on('Network.requestWillBeSent', ({ requestId, request, type }) => {
      this.requests.set(requestId, { url: request.url, kind: KINDS[type] ?? 'other' });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const request = this.requests.get(requestId);
      this.requests.delete(requestId);
      if (request) this.finished.push({ ...request, bytes: encodedDataLength });
    });
    cdp.on('Network.loadingFailed', ({ requestId }) => this.requests.delete(requestId));
    const frame = ({ response }) => {
      // Binary frames (opcode 2) carry base64; text frames the text itself.
      this.websocketBytes +=
        response.opcode === 2
          ? Buffer.byteLength(response.payloadData, 'base64')
          : Buffer.byteLength(response.payloadData);
    };
    cdp.on('Network.webSocketFrameReceived', frame);
    cdp.on('Network.webSocketFrameSent', frame);
  }

  /** Resolves once no HTTP request has been open for `quietMs` (at most `timeoutMs`). */
  async settled(quietMs = 500, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (this.requests.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What was transferred since the last call: totals by kind, and the files. */
  take() {
    const files = this.finished.splice(0);
    const websocket = this.websocketBytes;
    this.websocketBytes = 0;
    const byKind = { html: 0, js: 0, css: 0, api: 0, font: 0, other: 0 };
    for (const file of files) byKind[file.kind] += file.bytes;
    const http = files.reduce((sum, file) => sum + file.bytes, 0);
    return { files, byKind, http, websocket, total: http + websocket };
  }
}
