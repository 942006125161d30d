import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AccessService } from '../src/access/AccessService.js';
import { guardCatalogRoutes } from '../src/catalog/guard.js';

describe('the catalog route guard', () => {
  it('refuses a catalog route that names no action, before asking who the caller is', async () => {
    const app = Fastify({ logger: false });
    let asked = false;
    // Any call on the access service would mean the guard went on to judge the caller.
    const access = new Proxy({} as AccessService, {
      get: () => {
        asked = true;
        throw new Error('the guard asked the access service');
      },
    });
    await app.register(async (scope) => {
      guardCatalogRoutes(scope, access);
      scope.get('/api/workshops/:id/catalog/forgotten', async () => ({ ideas: ['secret'] }));
    });
    const response = await app.inject({ method: 'GET', url: '/api/workshops/W1/catalog/forgotten' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(asked).toBe(false);
    await app.close();
  });
});
