import { type ForeignKey, quote, type SqlQueries, type SqlSession, type TableShape } from './sqlSession.js';

/** The rows of one table that belong to a workshop: `SELECT … FROM table WHERE where` with `params`. */
export interface TableSlice {
  table: string;
  where: string;
  params: unknown[];
}

/** Everything of one workshop, found from the schema (so tables added later are included without listing them). */
export interface WorkshopRows {
  workshopId: string;
  /** Tables holding some of the workshop's rows, parents before children (delete in reverse). */
  slices: TableSlice[];
  /** The workshop's synced documents: its boards and every doc made for a board or for the workshop. */
  docIds: string[];
}

/** The workshop asked for is not in the database (the CLI reports it as a failure the operator can fix). */
export class NoSuchWorkshop extends Error {
  readonly code = 'WORKSHOP_NOT_FOUND';
  constructor(workshopId: string) {
    super(`there is no workshop ${workshopId}`);
  }
}

/**
 * Columns that tie a row to a workshop by name, with or without a foreign key (several
 * tables keep a person's or a board's id without one). Each names the set of ids it holds.
 */
const OWNING_COLUMNS = ['workshop_id', 'session_id', 'board_id', 'doc_id', 'person_id', 'group_id'] as const;
type IdSet = (typeof OWNING_COLUMNS)[number];
/** The table whose `id` column is each set. */
const SET_TABLES: Record<string, IdSet> = {
  workshops: 'workshop_id',
  sessions: 'session_id',
  boards: 'board_id',
  docs: 'doc_id',
  people: 'person_id',
  groups: 'group_id',
};

async function column(sql: SqlQueries, query: string, params: unknown[]): Promise<string[]> {
  return (await sql.all(query, params)).map((row) => String(Object.values(row)[0]));
}

/** Tables ordered so that every table comes after the tables it refers to. */
export function parentsFirst(tables: TableShape[], keys: ForeignKey[]): string[] {
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const key of keys) if (key.child !== key.parent) parents.get(key.child)?.add(key.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.filter(
      (name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (next.length === 0)
      throw new Error(
        `the schema's foreign keys form a cycle among: ${names.filter((n) => !placed.has(n)).join(', ')}`,
      );
    for (const name of next) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

/** Finds every row and document of a workshop. Reads only; run it inside the transaction that uses the result. */
export async function findWorkshopRows(
  session: SqlSession,
  sql: SqlQueries,
  workshopId: string,
): Promise<WorkshopRows> {
  const found = await sql.all('SELECT id FROM workshops WHERE id = ?', [workshopId]);
  if (found.length === 0) throw new NoSuchWorkshop(workshopId);
  const sessions = await column(sql, 'SELECT id FROM sessions WHERE workshop_id = ?', [workshopId]);
  const boards = await column(sql, 'SELECT id FROM boards WHERE workshop_id = ?', [workshopId]);
  // Ids are letters and digits only (server/src/ids.ts), so `<id>-%` matches exactly the docs made for that id.
  const docIds = await column(
    sql,
    `SELECT id FROM docs WHERE id LIKE ? OR ${sql.idIn('id')}
       OR EXISTS (SELECT 1 FROM boards b WHERE b.workshop_id = ? AND docs.id LIKE b.id || '-%')`,
    [`${workshopId}-%`, sql.ids(boards), workshopId],
  );
  const sets: Record<IdSet, string[]> = {
    workshop_id: [workshopId],
    session_id: sessions,
    board_id: boards,
    doc_id: docIds,
    person_id: await column(sql, 'SELECT id FROM people WHERE workshop_id = ?', [workshopId]),
    group_id: await column(sql, `SELECT id FROM groups WHERE ${sql.idIn('session_id')}`, [sql.ids(sessions)]),
  };

  const tables = await session.tables();
  const keys = await session.foreignKeys();
  const shapes = new Map(tables.map((t) => [t.name, t]));
  // Values of referenced columns among the workshop's rows, by `table.column`.
  const referenced = new Map<string, string[]>();
  const slices: TableSlice[] = [];
  for (const table of parentsFirst(tables, keys)) {
    if (table === 'schema_migrations') continue;
    const columns = shapes.get(table)?.columns ?? [];
    const conditions: string[] = [];
    const params: unknown[] = [];
    const own = SET_TABLES[table];
    if (own) {
      conditions.push(sql.idIn('id'));
      params.push(sql.ids(sets[own]));
    }
    for (const name of OWNING_COLUMNS) {
      if (!columns.includes(name)) continue;
      conditions.push(sql.idIn(quote(name)));
      params.push(sql.ids(sets[name]));
    }
    for (const key of keys) {
      const values = key.child === table ? referenced.get(`${key.parent}.${key.parentColumn}`) : undefined;
      if (!values || values.length === 0) continue;
      conditions.push(sql.idIn(quote(key.column)));
      params.push(sql.ids(values));
    }
    if (conditions.length === 0) continue;
    const slice = { table, where: conditions.join(' OR '), params };
    const count = await sql.all(`SELECT count(*) AS n FROM ${quote(table)} WHERE ${slice.where}`, params);
    if (Number(count[0]?.n ?? 0) === 0) continue;
    slices.push(slice);
    for (const key of keys) {
      if (key.parent !== table || referenced.has(`${table}.${key.parentColumn}`)) continue;
      const values = await column(
        sql,
        `SELECT DISTINCT ${quote(key.parentColumn)} FROM ${quote(table)} WHERE ${slice.where}`,
        params,
      );
      referenced.set(`${table}.${key.parentColumn}`, values);
    }
  }
  return { workshopId, slices, docIds };
}
