import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle, tempDataDir } from './support/samleServer.js';

let samle: RunningSamle;
beforeAll(async () => {
  const clientDir = tempDataDir();
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Samle</title>');
  fs.writeFileSync(path.join(clientDir, 'assets', 'index-Bx1.js'), 'console.log(1)');
  samle = await startSamle({ env: { SAMLE_CLIENT_DIR: clientDir } });
});
afterAll(async () => {
  await samle.stop();
});

describe('serving the web client', () => {
  it('answers app routes with the app, including invite links whose tokens contain dots', async () => {
    for (const route of [
      '/',
      '/b/abcdefgh12',
      '/w/x/screen/y',
      '/join?code=ABC123',
      '/invite/eyJhbGci.eyJ0eXAiOiJpbnZp.Q9EXftaUOE',
    ]) {
      const response = await fetch(`${samle.baseUrl}${route}`);
      expect(response.status, route).toBe(200);
      expect(await response.text(), route).toContain('<title>Samle</title>');
    }
  });

  it('serves built assets and answers a missing asset or API route with a 404, not the app', async () => {
    expect((await fetch(`${samle.baseUrl}/assets/index-Bx1.js`)).status).toBe(200);
    for (const route of ['/assets/missing-1.js', '/api/nothing-here']) {
      const response = await fetch(`${samle.baseUrl}${route}`);
      expect(response.status, route).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
