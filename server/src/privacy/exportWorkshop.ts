import { strToU8, zipSync } from 'fflate';
import * as Y from 'yjs';
import { quote, type SqlQueries, type SqlRow, type SqlSession } from './sqlSession.js';
import { findWorkshopRows } from './workshopRows.js';

/** Tables that hold documents' bytes: exported as one merged Yjs update per document instead of raw rows. */
const DOC_STORAGE = new Set(['doc_updates', 'doc_snapshots', 'doc_compaction_leases', 'doc_log_positions']);
/** Columns never exported: secrets that prove a browser's identity, not data about anyone. */
const SECRET_COLUMNS = new Set(['browser_key_hash']);

export const EXPORT_FORMAT = 'samle-workshop-export';

export interface WorkshopArchive {
  /** The zip file's bytes. */
  bytes: Uint8Array;
  tables: Record<string, number>;
  docs: number;
}

function exportable(row: SqlRow): SqlRow {
  const out: SqlRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (SECRET_COLUMNS.has(key)) continue;
    out[key] = value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value;
  }
  return out;
}

/** A document's whole state as one Yjs update (snapshot and log merged), or null when it has none. */
export async function docState(sql: SqlQueries, docId: string): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  for (const row of await sql.all('SELECT data FROM doc_snapshots WHERE doc_id = ?', [docId])) {
    parts.push(row.data as Uint8Array);
  }
  for (const row of await sql.all('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq', [docId])) {
    parts.push(row.data as Uint8Array);
  }
  return parts.length === 0 ? null : Y.mergeUpdates(parts.map((part) => new Uint8Array(part)));
}

const README = `Samle workshop export

workshop.json  every record of the workshop, by table (the database's own column names;
               bytes as {"base64": …}).
docs/<id>.yjs  each synced document (boards, their control docs and drafts, reflections,
               questions, catalog, ideas, assessments) as one Yjs update: open it with
               Y.applyUpdate(new Y.Doc(), bytes). docs/<id>.json is the same document
               as plain JSON where its shape is known.
`;

/** JSON of a document's content for people without Yjs: its top-level maps and arrays. */
export function docJsonOf(state: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const out: Record<string, unknown> = {};
  for (const [name, type] of doc.share) {
    // A top-level type is typeless until first asked for; asking as what it holds reads it.
    if (type._map.size > 0) out[name] = doc.getMap(name).toJSON();
    else if (type._length > 0) out[name] = doc.getArray(name).toJSON();
  }
  doc.destroy();
  return out;
}

/**
 * Everything of one workshop in one zip: its records from every table and its documents.
 * Read in one transaction, so the archive is one consistent state.
 */
export async function exportWorkshop(
  session: SqlSession,
  workshopId: string,
  now = Date.now(),
): Promise<WorkshopArchive> {
  return session.transaction(async (sql) => {
    const rows = await findWorkshopRows(session, sql, workshopId);
    const tables: Record<string, SqlRow[]> = {};
    for (const slice of rows.slices) {
      if (DOC_STORAGE.has(slice.table)) continue;
      tables[slice.table] = (
        await sql.all(`SELECT * FROM ${quote(slice.table)} WHERE ${slice.where}`, slice.params)
      ).map(exportable);
    }
    const files: Record<string, Uint8Array> = {
      'README.txt': strToU8(README),
      'workshop.json': strToU8(
        JSON.stringify(
          { format: EXPORT_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), workshopId, tables },
          null,
          2,
        ),
      ),
    };
    let docs = 0;
    for (const docId of rows.docIds) {
      const state = await docState(sql, docId);
      if (!state) continue;
      files[`docs/${docId}.yjs`] = state;
      files[`docs/${docId}.json`] = strToU8(JSON.stringify(docJsonOf(state), null, 2));
      docs++;
    }
    const counts = Object.fromEntries(Object.entries(tables).map(([name, list]) => [name, list.length]));
    return { bytes: zipSync(files, { level: 6 }), tables: counts, docs };
  });
}
