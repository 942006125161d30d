import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { ApiFailure } from '../errors.js';

export interface MetricsRouteOptions {
  registry: Registry;
  /** SAMLE_METRICS_TOKEN; without it `/metrics` answers nobody. */
  token: string | undefined;
}

/**
 * `GET /metrics` (Prometheus text) for a scraper that presents
 * `Authorization: Bearer <SAMLE_METRICS_TOKEN>`. It fails closed: with no token
 * configured the endpoint is off, since behind a reverse proxy every request looks
 * local and the metrics name rooms and connection counts.
 */
export async function metricsRoute(app: FastifyInstance, options: MetricsRouteOptions): Promise<void> {
  const expected = options.token ? Buffer.from(options.token) : null;
  app.get('/metrics', async (request, reply) => {
    if (!expected) {
      throw new ApiFailure(
        404,
        'METRICS_DISABLED',
        'Metrics are off. Set SAMLE_METRICS_TOKEN on the server and send it as "Authorization: Bearer <token>".',
      );
    }
    const header = request.headers.authorization ?? '';
    const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      reply.header('www-authenticate', 'Bearer realm="samle-metrics"');
      throw new ApiFailure(401, 'METRICS_TOKEN_REQUIRED', 'Send the metrics token as "Authorization: Bearer <token>".');
    }
    reply.type(options.registry.contentType);
    return options.registry.metrics();
  });
}
