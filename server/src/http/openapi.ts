import fs from 'node:fs';
import path from 'node:path';
import fastifySwagger from '@fastify/swagger';
import { SYNC_PATH, TOKEN_PARAM } from '@samle/shared';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

function serverVersion(): string {
  // server/dist/http/openapi.js (or src/ in tests) → server/package.json
  const file = path.resolve(import.meta.dirname, '..', '..', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

type OpenApiDocument = { paths?: Record<string, unknown> } & Record<string, unknown>;

/**
 * @fastify/websocket hides WebSocket routes from the generated document; the sync endpoint is
 * described here by hand, as the upgrade it is (its messages are the y-websocket protocol).
 */
function withSyncEndpoint(document: OpenApiDocument): OpenApiDocument {
  return {
    ...document,
    paths: {
      ...document.paths,
      [`${SYNC_PATH}/{docId}`]: {
        get: {
          summary: 'Live document (WebSocket)',
          description:
            'Upgrades to a WebSocket that speaks the standard y-websocket protocol (sync and awareness messages) for one document. A stock y-websocket WebsocketProvider works unchanged. Refusals are WebSocket close codes 4400–4599 (docs/protocol.md).',
          parameters: [
            { name: 'docId', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: TOKEN_PARAM,
              in: 'query',
              required: false,
              description: 'grant or operator token (facilitators use the session cookie instead)',
              schema: { type: 'string', maxLength: 4096 },
            },
          ],
          responses: {
            '101': { description: 'switched to the WebSocket protocol' },
            '404': { description: 'not a WebSocket upgrade request' },
          },
        },
      },
    },
  };
}

/**
 * The HTTP API described as OpenAPI 3.1, generated from the routes' own schemas (the
 * TypeBox schemas that also validate every request), served at `GET /api/openapi.json`.
 * Registered before the routes: it learns them as they are added.
 */
export const openApi = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Samle',
          version: serverVersion(),
          description:
            'The HTTP API of Samle. Facilitators authenticate with the session cookie (and the `x-samle-csrf: 1` header on writes); participants and leaders with the grant token as `Authorization: Bearer`. Errors are `{ code, message }`. The live documents themselves go over the y-websocket protocol on `/sync/{docId}` (docs/protocol.md).',
          license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
        },
      },
    });
    app.get('/api/openapi.json', async () => withSyncEndpoint(app.swagger() as OpenApiDocument));
  },
  { name: 'samle-openapi' },
);
