import fs from 'node:fs';
import path from 'node:path';
import type { WorkshopDetail } from '@samle/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RetentionJob } from '../src/privacy/RetentionJob.js';
import { openSqlSession } from '../src/privacy/sqlSession.js';
import { samleCli } from './support/cliIo.js';
import { cellsMentioning, postgresKind, type RunningOn, sqliteKind } from './support/databaseKinds.js';
import { tempDataDir } from './support/samleServer.js';

const DAY = 24 * 60 * 60 * 1000;
const silent = { info() {}, warn() {}, error() {} };

async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

describe.each([sqliteKind, postgresKind()])('purging a workshop on $name', (kind) => {
  let running: RunningOn;
  let purged: WorkshopDetail;
  let kept: WorkshopDetail;
  beforeAll(async () => {
    running = await kind.start();
    purged = await json<WorkshopDetail>(await running.samle.asFacilitator('/api/demo', { body: {} }), 201);
    kept = await json<WorkshopDetail>(await running.samle.asFacilitator('/api/demo', { body: {} }), 201);
  }, 60_000);
  afterAll(async () => {
    await running?.samle.stop();
    await kind.cleanup();
  });

  /** Ids of everything in a workshop (its own, its sessions', boards', people's), from its detail. */
  function idsOf(detail: WorkshopDetail): string[] {
    const ids = [detail.workshop.id, ...detail.people.map((p) => p.id)];
    for (const session of detail.sessions) {
      ids.push(session.id);
      for (const board of session.boards ?? []) ids.push(board.id);
    }
    return ids;
  }

  it('refuses a retention date in the past and warns when the purge is near', async () => {
    const past = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const refused = await running.samle.asFacilitator(`/api/workshops/${purged.workshop.id}/retention`, {
      method: 'PUT',
      body: { retainUntil: past },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { code: string }).code).toBe('RETENTION_IN_PAST');
    const today = new Date().toISOString().slice(0, 10);
    const set = await json<{ retainUntil: string; purgeSoon: boolean }>(
      await running.samle.asFacilitator(`/api/workshops/${purged.workshop.id}/retention`, {
        method: 'PUT',
        body: { retainUntil: today },
      }),
      200,
    );
    expect(set).toEqual({ retainUntil: today, purgeSoon: true });
    const keptState = await json<{ retainUntil: string | null }>(
      await running.samle.asFacilitator(`/api/workshops/${kept.workshop.id}/retention`),
      200,
    );
    expect(keptState.retainUntil).toBeNull();
  });

  it('exports the whole workshop as one zip of its records and documents', async () => {
    const response = await running.samle.asFacilitator(`/api/workshops/${purged.workshop.id}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const records = JSON.parse(strFromU8(files['workshop.json'] ?? new Uint8Array())) as {
      workshopId: string;
      tables: Record<string, Array<Record<string, unknown>>>;
    };
    expect(records.workshopId).toBe(purged.workshop.id);
    expect(records.tables.people?.length).toBe(purged.people.length);
    expect(records.tables.sessions?.length).toBe(purged.sessions.length);
    // The other workshop's records are not in it.
    expect(JSON.stringify(records)).not.toContain(kept.workshop.id);
    const board = purged.sessions.flatMap((s) => s.boards ?? [])[0];
    const state = files[`docs/${board?.id}.yjs`];
    expect(state).toBeDefined();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state ?? new Uint8Array());
    expect(doc.share.size).toBeGreaterThan(0);
  });

  it('the daily job purges the workshop past its retention date: no table mentions it, the other stays whole', async () => {
    const ids = idsOf(purged);
    const keptIds = idsOf(kept);
    const before = await running.cells();
    const mentions = cellsMentioning;
    expect(mentions(before, purged.workshop.id).length).toBeGreaterThan(0);
    const keptBefore = keptIds.map((id) => mentions(before, id).length);

    const session = openSqlSession(running.target);
    try {
      const job = new RetentionJob({ session: () => session, logger: silent, now: () => Date.now() + 2 * DAY });
      const run = await job.runOnce();
      expect(run).toEqual({ purged: [purged.workshop.id], failed: [], dueSoon: [] });
    } finally {
      await session.close();
    }

    const after = await running.cells();
    for (const id of ids) expect(mentions(after, id), id).toEqual([]);
    expect(keptIds.map((id) => mentions(after, id).length)).toEqual(keptBefore);
    expect((await running.samle.asFacilitator(`/api/workshops/${purged.workshop.id}`)).status).toBe(404);
    expect((await running.samle.asFacilitator(`/api/workshops/${kept.workshop.id}`)).status).toBe(200);
  });

  it('deletes a workshop at its facilitator’s request only when the title is typed exactly', async () => {
    const wrong = await running.samle.asFacilitator(`/api/workshops/${kept.workshop.id}`, {
      method: 'DELETE',
      body: { confirmTitle: 'not the title' },
    });
    expect(wrong.status).toBe(409);
    const deleted = await running.samle.asFacilitator(`/api/workshops/${kept.workshop.id}`, {
      method: 'DELETE',
      body: { confirmTitle: kept.workshop.title },
    });
    expect(deleted.status).toBe(204);
    const after = await running.cells();
    expect(cellsMentioning(after, kept.workshop.id)).toEqual([]);
    // The facilitator's account is not part of a workshop: it stays.
    expect(after.some((cell) => cell.table === 'facilitators' && cell.text === 'freja@example.dk')).toBe(true);
  });

  it('samle export-workshop and purge: help, exit codes, and doing it', async () => {
    const env = running.env;
    const demo = await json<WorkshopDetail>(await running.samle.asFacilitator('/api/demo', { body: {} }), 201);
    const id = demo.workshop.id;
    expect((await samleCli(['export-workshop'], env)).code).toBe(2);
    expect((await samleCli(['export-workshop', '--workshop=no-such!', '--to=x.zip'], env)).code).toBe(2);
    const to = path.join(tempDataDir(), 'export.zip');
    const missing = await samleCli(['export-workshop', '--workshop=NoSuchWorkshop1', `--to=${to}`], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no workshop NoSuchWorkshop1');
    const done = await samleCli(['export-workshop', `--workshop=${id}`, `--to=${to}`], env);
    expect(done.code, done.err).toBe(0);
    expect(fs.statSync(to).mode & 0o777).toBe(0o600);
    expect(Object.keys(unzipSync(fs.readFileSync(to)))).toContain('workshop.json');
    expect((await samleCli(['export-workshop', `--workshop=${id}`, `--to=${to}`], env)).code).toBe(1);

    expect((await samleCli(['purge', `--workshop=${id}`], env)).code).toBe(2);
    expect((await samleCli(['purge'], env)).code).toBe(2);
    expect((await samleCli(['purge', '--expired', '--dry-run'], env)).out).toBe('');
    const purge = await samleCli(['purge', `--workshop=${id}`, '--yes'], env);
    expect(purge.code, purge.err).toBe(0);
    expect(purge.out).toContain(`purged ${id}`);
    expect(cellsMentioning(await running.cells(), id)).toEqual([]);
    expect((await samleCli(['purge', `--workshop=${id}`, '--yes'], env)).code).toBe(1);
  });
});
