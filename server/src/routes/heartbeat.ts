import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * Pings every sync socket and closes those that did not answer the previous ping.
 * Without it, a client that vanished without closing (a laptop lid shut, a phone
 * leaving the Wi-Fi) would keep its connection — and its presence on the board —
 * until the operating system gave up on it, which can take hours.
 */
export function startHeartbeat(app: FastifyInstance, intervalMs: number): () => void {
  const alive = new WeakMap<WebSocket, boolean>();
  const server = app.websocketServer;
  server.on('connection', (socket: WebSocket) => {
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
  });
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
