import type { FastifyRequest, FastifyServerOptions } from 'fastify';

const REDACTED = '[redacted]';

/**
 * A request URL as it may be logged: every query value is replaced (grant and
 * operator tokens travel as `?token=` on the WebSocket, join codes as `?code=`),
 * and so are the token in an invite page's path (`/invite/<token>`), the token of a workshop's
 * calendar feed (`/api/calendar/<workshop>/<token>/samle.ics`) and the join code looked up
 * by `GET /api/join/<code>` (a code is only shown in the room; the log need not keep it).
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const safePath = pathname
    .replace(/^\/invite\/[^/]+/, `/invite/${REDACTED}`)
    .replace(/^\/api\/join\/[^/]+/, `/api/join/${REDACTED}`)
    .replace(/^(\/api\/calendar\/[^/]+)\/[^/]+/, `$1/${REDACTED}`);
  if (queryAt === -1) return safePath;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? pair : `${pair.slice(0, equals)}=${REDACTED}`;
    })
    .join('&');
  return `${safePath}?${query}`;
}

/** Fastify's own request serializer, with the URL redacted. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

type LoggerOption = FastifyServerOptions['logger'];

/** The app's logger options with the redacting request serializer; `false` stays off. */
export function withRedactedRequests(logger: LoggerOption): LoggerOption {
  if (logger === false || logger === undefined) return logger;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: serializeRequest } };
}
