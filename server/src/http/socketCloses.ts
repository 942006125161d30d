import { closeCodeName } from '@samle/shared';
import type { FastifyInstance } from 'fastify';
import { Counter, type Registry } from 'prom-client';
import type { WebSocket } from 'ws';

/**
 * Counts every close the server sends on a WebSocket, by code — including refusals
 * before a socket reaches the relay (no access, too many sockets, overloaded) and
 * failed loads (4500) — so a storm of refusals shows in `/metrics` as
 * `samle_socket_closes_sent_total{code,name}`. Must be registered after
 * `@fastify/websocket`, which emits `connection` before the route sees the socket.
 */
export function countSocketCloses(app: FastifyInstance, registry: Registry): void {
  const sent = new Counter({
    name: 'samle_socket_closes_sent_total',
    help: 'WebSocket closes sent by the server, by close code (refusals, failed loads, limits, shutdown)',
    labelNames: ['code', 'name'],
    registers: [registry],
  });
  app.websocketServer.on('connection', (socket: WebSocket) => {
    const close = socket.close.bind(socket);
    let counted = false;
    socket.close = (code?: number, reason?: string | Buffer) => {
      if (!counted && socket.readyState === socket.OPEN) {
        counted = true;
        const shown = code ?? 1005;
        sent.inc({ code: String(shown), name: closeCodeName(shown) ?? 'Normal' });
      }
      close(code, reason);
    };
  });
}
