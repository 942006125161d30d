import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { type RunningSamle, startSamle, tempDataDir } from './support/samleServer.js';

// A built client as Vite lays it out: hashed files under assets/, fixed names at the top.
const bigScript = `export const words = ${JSON.stringify(Array.from({ length: 4000 }, (_, i) => `note-${i % 50}`))};\n`;
const precompressed = zlib.brotliCompressSync(bigScript, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
});
const precompressedGzip = zlib.gzipSync(bigScript, { level: zlib.constants.Z_BEST_COMPRESSION });
function fakeClient(): string {
  const clientDir = tempDataDir();
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), `<!doctype html><title>Samle</title>${' '.repeat(2048)}`);
  fs.writeFileSync(path.join(clientDir, 'assets', 'index-Bx1.js'), bigScript);
  fs.writeFileSync(path.join(clientDir, 'assets', 'pre-Cy2.js'), bigScript);
  // As the client build writes it: compressed once at build time, beside the file.
  fs.writeFileSync(path.join(clientDir, 'assets', 'pre-Cy2.js.br'), precompressed);
  fs.writeFileSync(path.join(clientDir, 'assets', 'pre-Cy2.js.gz'), precompressedGzip);
  fs.writeFileSync(path.join(clientDir, 'sw.js'), '// service worker');
  return clientDir;
}

const METRICS_TOKEN = 'scrape-me-0123456789abcdef';
let plain: RunningSamle;
let secure: RunningSamle;
beforeAll(async () => {
  const clientDir = fakeClient();
  plain = await startSamle({ env: { SAMLE_CLIENT_DIR: clientDir, SAMLE_METRICS_TOKEN: METRICS_TOKEN } });
  secure = await startSamle({ env: { SAMLE_CLIENT_DIR: clientDir, SAMLE_SECURE_COOKIES: '1' } });
});
afterAll(async () => {
  await plain?.stop();
  await secure?.stop();
});

describe('compression', () => {
  it('sends the scripts brotli- or gzip-compressed to browsers that accept it, and plain to others', async () => {
    const app = plain.samle.app;
    const br = await app.inject({ url: '/assets/index-Bx1.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(bigScript.length / 5);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(bigScript);

    const gzip = await app.inject({ url: '/assets/index-Bx1.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(bigScript);

    const none = await app.inject({ url: '/assets/index-Bx1.js', headers: { 'accept-encoding': 'identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(bigScript);
  });

  it('sends the file the client build compressed, without compressing it again', async () => {
    const response = await plain.samle.app.inject({
      url: '/assets/pre-Cy2.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload.equals(precompressed)).toBe(true);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("sends the build's gzip file to a browser that takes gzip but not brotli, and tells caches the answer varies", async () => {
    const response = await plain.samle.app.inject({
      url: '/assets/pre-Cy2.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload.equals(precompressedGzip)).toBe(true);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Without any encoding the same file comes as it is, still marked as varying by encoding.
    const plainFile = await plain.samle.app.inject({
      url: '/assets/pre-Cy2.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plainFile.headers['content-encoding']).toBeUndefined();
    expect(plainFile.body).toBe(bigScript);
  });

  it('compresses JSON answers of the API', async () => {
    const cookie = await plain.facilitatorCookie();
    const response = await plain.samle.app.inject({
      method: 'POST',
      url: '/api/demo',
      headers: { cookie, 'x-samle-csrf': '1', 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-encoding']).toBe('gzip');
    const detail = JSON.parse(zlib.gunzipSync(response.rawPayload).toString()) as { role: string; sessions: unknown[] };
    expect(detail.role).toBe('facilitator');
    expect(detail.sessions.length).toBeGreaterThan(0);
  });
});

describe('caching of the built client', () => {
  it('lets browsers keep hashed assets for a year without asking again', async () => {
    const response = await plain.samle.app.inject({ url: '/assets/index-Bx1.js' });
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes browsers revalidate the page, app routes and the service worker, so a new release is picked up', async () => {
    for (const url of ['/', '/index.html', '/join?code=ABC123', '/b/abcdefgh12', '/sw.js']) {
      const response = await plain.samle.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });
});

describe('security headers', () => {
  it('sends a strict content security policy, nosniff and no referrer on pages and the API', async () => {
    for (const url of ['/', '/assets/index-Bx1.js', '/healthz', '/api/auth/me']) {
      const response = await plain.samle.app.inject({ url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('sends HSTS and upgrades requests only when Samle is configured for HTTPS', async () => {
    const overHttp = await plain.samle.app.inject({ url: '/' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    expect(String(overHttp.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');

    const overHttps = await secure.samle.app.inject({ url: '/' });
    expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(overHttps.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('/metrics', () => {
  it('answers a scraper with the metrics token', async () => {
    const response = await plain.samle.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('samle_rooms_loaded');
  });

  it('refuses anyone without the right token', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const response = await plain.samle.app.inject({
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json(), authorization).toMatchObject({ code: 'METRICS_TOKEN_REQUIRED' });
      expect(response.body).not.toContain('samle_rooms_loaded');
    }
  });

  it('is off when no token is configured, and says how to turn it on', async () => {
    const response = await secure.samle.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'METRICS_DISABLED' });
    expect(response.json().message).toContain('SAMLE_METRICS_TOKEN');
  });

  it('refuses a guessable metrics token at start', () => {
    expect(() => loadConfig({ SAMLE_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ SAMLE_METRICS_TOKEN: 'has a space in it 0123' })).toThrow(ConfigError);
  });
});
