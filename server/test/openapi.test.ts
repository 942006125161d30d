import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle, tempDataDir } from './support/samleServer.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown[] }>>;
}

let samle: RunningSamle;
beforeAll(async () => {
  // With a built client, so the static file routes are registered too.
  const clientDir = tempDataDir();
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Samle</title>');
  samle = await startSamle({ env: { SAMLE_CLIENT_DIR: clientDir } });
});
afterAll(async () => {
  await samle?.stop();
});

async function openApiDocument(): Promise<OpenApiDocument> {
  const response = await fetch(`${samle.baseUrl}/api/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  return (await response.json()) as OpenApiDocument;
}

/**
 * Every route the server answers, from Fastify's own route table (method and path; HEAD comes
 * with GET). printRoutes draws a tree: each line is a path segment under the line above it.
 */
function registeredRoutes(): string[] {
  const table = samle.samle.app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of table.split('\n')) {
    const match = /^([│ ]*)[└├]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
    if (!match?.[2]) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2]);
    if (!match[3]) continue;
    // OpenAPI's spelling: /{id} for :id, /{*} for the static files' wildcard.
    const joined = stack.join('');
    const url = (joined.startsWith('/') ? joined : `/${joined}`).replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}');
    for (const method of match[3].split(', ')) if (method !== 'HEAD') routes.push(`${method} ${url}`);
  }
  return routes.sort();
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the server answers, with the request schemas the server enforces', async () => {
    const document = await openApiDocument();
    const documented = Object.entries(document.paths)
      .flatMap(([url, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${url}`))
      .filter((route) => !route.startsWith('HEAD '))
      .sort();
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(40);
    expect(documented).toEqual(routes);
    // Request bodies come from the same schemas that validate requests.
    const signup = document.paths['/api/auth/signup']?.post?.requestBody as {
      content: Record<string, { schema: { required?: string[] } }>;
    };
    expect(signup.content['application/json']?.schema.required).toEqual(['name', 'email', 'password']);
  });
});
