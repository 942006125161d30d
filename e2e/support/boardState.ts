import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SamleProcess } from './samle.js';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'dist', 'cli.js');

/**
 * Reads a board as the server holds it, with a stock y-websocket client and an
 * operator token from the CLI: what the browser shows is checked against the
 * stored document, not against the page's own memory. With `write`, a test sets
 * a board up (or changes it behind a page's back) the same way.
 */
export async function boardDoc(
  samle: SamleProcess,
  boardId: string,
  access: 'read' | 'write' = 'read',
): Promise<{ doc: Y.Doc; close: () => void }> {
  const token = execFileSync(
    process.execPath,
    [cli, 'mint-token', `--doc=${boardId}`, `--access=${access}`, '--ttl=600'],
    {
      env: { ...process.env, SAMLE_DATA_DIR: samle.dataDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).trim();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${samle.baseUrl.replace('http', 'ws')}/sync`, boardId, doc, {
    // biome-ignore lint/suspicious/noExplicitAny: ws's WebSocket is API-compatible with the DOM one the provider types.
    WebSocketPolyfill: WebSocket as any,
    disableBc: true,
    params: { token },
  });
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    close: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate(doc)` holds, re-checking on every change. */
export function untilDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean): Promise<void> {
  if (predicate(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate(doc)) return;
      doc.off('afterTransaction', check);
      resolve();
    };
    doc.on('afterTransaction', check);
  });
}
