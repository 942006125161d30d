import { CSRF_HEADER } from '@samle/shared';

/**
 * The one place that talks HTTP to the server. Every failure becomes an
 * ApiRequestError with a stable `code` the UI translates; network failures get
 * the code NETWORK, unreadable answers BAD_RESPONSE.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * Who the request speaks for. `session` relies on the facilitator's cookie (it
 * goes with every same-origin request, and is simply absent for anyone else);
 * `grant` sends a participant's, leader's or viewer's token.
 */
export type Credential = { kind: 'session' } | { kind: 'grant'; token: string; workshopId: string };

export const SESSION: Credential = { kind: 'session' };

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  credential?: Credential;
  signal?: AbortSignal;
}

/** Headers and init for one request; pure so the auth rules are unit-tested. */
export function buildRequestInit(options: RequestOptions): RequestInit {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  // Every mutation carries the CSRF header: required with the cookie, harmless with a token.
  if (method !== 'GET') headers[CSRF_HEADER] = '1';
  const credential = options.credential ?? SESSION;
  if (credential.kind === 'grant') headers.authorization = `Bearer ${credential.token}`;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  return init;
}

function isApiErrorBody(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Sends the request; resolves with the parsed JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, buildRequestInit(options));
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiRequestError('NETWORK', error instanceof Error ? error.message : String(error), undefined);
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch((error: unknown) => {
    // A proxy error page or an empty body: report the HTTP status instead.
    if (response.ok) throw new ApiRequestError('BAD_RESPONSE', String(error), response.status);
    return undefined;
  });
  if (!response.ok) {
    if (isApiErrorBody(body)) throw new ApiRequestError(body.code, body.message, response.status);
    throw new ApiRequestError(`HTTP_${response.status}`, response.statusText, response.status);
  }
  return body as T;
}

/** True for answers that mean "this credential may not see it" — try another one, or ask to sign in. */
export function isAccessRefusal(error: unknown): boolean {
  return error instanceof ApiRequestError && (error.status === 401 || error.status === 403 || error.status === 404);
}
