import type { Grant } from '@samle/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RunningSamle } from './samleServer.js';
import type { StockClient } from './stockClient.js';
import { invitedPerson } from './workshopFixture.js';

/** A stock client that signs in with the facilitator's session cookie (as the browser does), not a token. */
export async function facilitatorClient(samle: RunningSamle, docId: string): Promise<StockClient> {
  const cookie = await samle.facilitatorCookie();
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(samle.wsUrl, docId, doc, {
    // biome-ignore lint/suspicious/noExplicitAny: ws's WebSocket is API-compatible with the DOM one the provider types.
    WebSocketPolyfill: CookieSocket as any,
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * Nests `depth` maps under `parent[key]`, one level at a time in one transaction (so one update),
 * the way a hostile client builds it: handing Yjs a prepared nested value would make the
 * client's own Yjs recurse.
 */
export function nestMaps(doc: Y.Doc, parent: Y.Map<unknown>, key: string, depth: number): void {
  doc.transact(() => {
    let level = parent;
    for (let i = 0; i < depth; i++) {
      const child = new Y.Map<unknown>();
      level.set(i === 0 ? key : 'd', child);
      level = child;
    }
  });
}

/** A leader of the fixture's workshop, by invite (leaders write idea descriptions). */
export function invitedLeader(samle: RunningSamle, workshopId: string, name: string): Promise<Grant> {
  return invitedPerson(samle, workshopId, 'leader', name);
}

/** An API call with a person's grant token. */
export function asPerson(samle: RunningSamle, token: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${samle.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
