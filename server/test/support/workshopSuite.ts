import type { Grant } from '@samle/shared';
import { afterEach, beforeEach } from 'vitest';
import { type RunningSamle, startSamle } from './samleServer.js';
import { type StockClient, stockClient } from './stockClient.js';
import { invitedPerson, type WorkshopFixture, workshopWithTables } from './workshopFixture.js';

// What the server tests that run a workshop share: a server per test with a workshop of two tables,
// stock clients that end with the test, requests as a participant or leader, invited people.

/** The running server and its workshop for the current test (live bindings: set before each test). */
export let samle: RunningSamle;
export let fx: WorkshopFixture;
const clients: StockClient[] = [];

/**
 * A fresh server (started with `options`, say an environment) with a workshop of two tables for every
 * test of the calling file; its clients end with it.
 */
export function useWorkshopSuite(options?: Parameters<typeof startSamle>[0]): void {
  beforeEach(async () => {
    samle = await startSamle(options);
    fx = await workshopWithTables(samle);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await samle.stop();
  });
}

/** Replaces this test's server with one started with `options` (say, on PostgreSQL), and a new workshop. */
export async function restartSamle(options: Parameters<typeof startSamle>[0]): Promise<void> {
  await samle.stop();
  samle = await startSamle(options);
  fx = await workshopWithTables(samle);
}

/** A stock client on `docId` as `token` (none: without one), destroyed after the test. */
export function connect(docId: string, token?: string): StockClient {
  const c = stockClient(samle.wsUrl, docId, { token });
  clients.push(c);
  return c;
}

/** Someone invited to this test's workshop as a leader or viewer. */
export function invited(role: 'leader' | 'viewer', name: string): Promise<Grant> {
  return invitedPerson(samle, fx.detail.workshop.id, role, name);
}

export function call(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${samle.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
