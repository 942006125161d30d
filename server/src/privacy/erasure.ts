import { parseDocId, publishedDocId, readPulses, writePulse } from '@samle/shared';
import type * as Y from 'yjs';
import { pulseSummary } from '../followup/afterDecision.js';
import { type AnswerRow, toPulseAnswer } from '../storage/afterDecisionRows.js';
import { docJsonOf, docState } from './exportWorkshop.js';
import { type ErasedPerson, isOwnDoc, mayHoldAuthorship, scrubDoc, scrubState } from './scrub.js';
import { quote, type SqlQueries, type SqlSession } from './sqlSession.js';
import { findWorkshopRows } from './workshopRows.js';

/** What a person's name becomes, in the workshop's language. */
export const ERASED_NAME = { da: 'Slettet person', en: 'Erased person' } as const;

/** The live documents, through the relay: changes are stored and reach everyone connected. */
export interface LiveDocs {
  command(docId: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Merges the log into the snapshot, so removed values leave the stored bytes too. */
  compactNow(docId: string): Promise<void>;
  read<T>(docId: string, reader: (doc: Y.Doc) => T): Promise<T>;
}

export interface ErasureDeps {
  session: SqlSession;
  docs: LiveDocs;
  /** The keyed hash that questions and evaluation answers are filed under for a person. */
  personKey(personId: string): string;
  /** The keyed hash that impact pulse answers are filed under for a person. */
  pulseKey(personId: string): string;
  now?: number;
}

export interface ErasureReport {
  personId: string;
  workshopId: string;
  scrubbedDocs: string[];
  deletedDocs: string[];
  rewrittenSnapshots: number;
}

export class NoSuchPerson extends Error {
  readonly code = 'PERSON_NOT_FOUND';
}

interface PersonRow {
  id: string;
  workshopId: string;
  name: string;
  language: 'da' | 'en';
}

async function personRow(sql: SqlQueries, personId: string): Promise<PersonRow> {
  const rows = await sql.all(
    'SELECT p.id, p.workshop_id, p.name, w.language FROM people p JOIN workshops w ON w.id = p.workshop_id WHERE p.id = ?',
    [personId],
  );
  const row = rows[0];
  if (!row) throw new NoSuchPerson(`there is no person ${personId}`);
  return {
    id: String(row.id),
    workshopId: String(row.workshop_id),
    name: String(row.name),
    language: row.language === 'en' ? 'en' : 'da',
  };
}

/** Deletes documents and every row that refers to them (log, snapshot, leases, whatever later tables keep). */
async function deleteDocs(session: SqlSession, sql: SqlQueries, docIds: string[]): Promise<void> {
  if (docIds.length === 0) return;
  for (const key of await session.foreignKeys()) {
    if (key.parent !== 'docs') continue;
    await sql.run(`DELETE FROM ${quote(key.child)} WHERE ${sql.idIn(quote(key.column))}`, [sql.ids(docIds)]);
  }
  await sql.run(`DELETE FROM docs WHERE ${sql.idIn('id')}`, [sql.ids(docIds)]);
}

/**
 * Erases a person from their workshop (GDPR art. 17) as the facilitator asks: their name is
 * replaced (the row stays, so tables and votes still add up), their authorship is removed
 * from every note, catalog source and published entry, their drafts, reflection and
 * evaluation and impact pulse answers are deleted (the pulse's averages are counted again
 * without them), their questions lose their author, their browsers are
 * forgotten and their access ends. Board history snapshots are rewritten the same way, and
 * every document changed is compacted so the old values leave the stored log.
 */
export async function erasePerson(deps: ErasureDeps, personId: string): Promise<ErasureReport> {
  const { session, docs } = deps;
  const person = await personRow(session, personId);
  const who: ErasedPerson = { personId, name: person.name, replacement: ERASED_NAME[person.language] };
  const now = deps.now ?? Date.now();

  const { docIds } = await session.transaction((sql) => findWorkshopRows(session, sql, person.workshopId));
  const own = docIds.filter((docId) => isOwnDoc(docId, personId));
  const scrubbed: string[] = [];
  for (const docId of docIds) {
    if (own.includes(docId) || !mayHoldAuthorship(docId)) continue;
    const mentions = await docs.read(docId, (doc) => scrubDoc(doc, docId, who));
    if (!mentions) continue;
    await docs.command(docId, (doc) => {
      scrubDoc(doc, docId, who);
    });
    await docs.compactNow(docId);
    scrubbed.push(docId);
  }

  let pulseIds: string[] = [];
  const rewrittenSnapshots = await session.transaction(async (sql) => {
    const key = deps.personKey(personId);
    const pulseKey = deps.pulseKey(personId);
    pulseIds = (await sql.all('SELECT pulse_id FROM pulse_answers WHERE respondent_key = ?', [pulseKey])).map((row) =>
      String(row.pulse_id),
    );
    await sql.run('DELETE FROM pulse_answers WHERE respondent_key = ?', [pulseKey]);
    await sql.run('UPDATE people SET name = ?, department = NULL, revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [
      who.replacement,
      now,
      personId,
    ]);
    await sql.run('DELETE FROM person_browsers WHERE person_id = ?', [personId]);
    await sql.run('UPDATE questions SET author_name = NULL, anonymous = ? WHERE author_key = ?', [
      sql.dialect === 'postgres' ? true : 1,
      key,
    ]);
    await sql.run('DELETE FROM evaluation_responses WHERE respondent_key = ?', [key]);
    await deleteDocs(session, sql, own);
    let rewritten = 0;
    const rows = await findWorkshopRows(session, sql, person.workshopId);
    const boards = rows.docIds.filter((docId) => parseDocId(docId).kind === 'board');
    for (const snapshot of await sql.all(
      `SELECT id, board_id, data FROM board_snapshots WHERE ${sql.idIn('board_id')}`,
      [sql.ids(boards)],
    )) {
      const data = scrubState(snapshot.data as Uint8Array, String(snapshot.board_id), who);
      if (!data) continue;
      await sql.run('UPDATE board_snapshots SET data = ? WHERE id = ?', [Buffer.from(data), snapshot.id]);
      rewritten++;
    }
    // Any other column of the workshop's rows holding exactly their name (who decided, who
    // answered; and tables added later) gets the replacement.
    const shapes = new Map((await session.tables()).map((t) => [t.name, t.textColumns]));
    for (const slice of rows.slices) {
      if (slice.table === 'people') continue;
      for (const column of shapes.get(slice.table) ?? []) {
        await sql.run(
          `UPDATE ${quote(slice.table)} SET ${quote(column)} = ? WHERE (${slice.where}) AND ${quote(column)} = ?`,
          [who.replacement, ...slice.params, who.name],
        );
      }
    }
    return rewritten;
  });
  await recountPulses(deps, person.workshopId, pulseIds);
  return { personId, workshopId: person.workshopId, scrubbedDocs: scrubbed, deletedDocs: own, rewrittenSnapshots };
}

/** Writes the averages of the pulses a person answered again, from the answers that are left. */
async function recountPulses(deps: ErasureDeps, workshopId: string, pulseIds: string[]): Promise<void> {
  if (pulseIds.length === 0) return;
  const left = new Map<string, ReturnType<typeof toPulseAnswer>[]>();
  for (const pulseId of pulseIds) {
    const rows = await deps.session.all('SELECT * FROM pulse_answers WHERE pulse_id = ? ORDER BY answered_at', [
      pulseId,
    ]);
    left.set(
      pulseId,
      rows.map((row) => {
        const answer: AnswerRow = {
          pulse_id: String(row.pulse_id),
          workshop_id: String(row.workshop_id),
          respondent_key: String(row.respondent_key),
          respondent_name: row.respondent_name == null ? null : String(row.respondent_name),
          answers: String(row.answers),
          answered_at: Number(row.answered_at),
        };
        return toPulseAnswer(answer);
      }),
    );
  }
  await deps.docs.command(publishedDocId(workshopId), (doc) => {
    for (const pulse of readPulses(doc)) {
      const answers = left.get(pulse.id);
      if (answers) writePulse(doc, { ...pulse, ...pulseSummary(pulse.ideaIds, answers) });
    }
  });
}

/** Everything Samle keeps about one person, for their access request (GDPR art. 15, 20). */
export async function exportPerson(deps: Omit<ErasureDeps, 'now'>, personId: string): Promise<Record<string, unknown>> {
  const { session, docs } = deps;
  const person = await personRow(session, personId);
  const key = deps.personKey(personId);
  const rows = async (sql: string, params: unknown[]) => session.all(sql, params);
  const { docIds } = await session.transaction((sql) => findWorkshopRows(session, sql, person.workshopId));
  const notes: Array<{ docId: string; noteId: string; text: string }> = [];
  const ownDocs: Record<string, unknown> = {};
  for (const docId of docIds) {
    if (isOwnDoc(docId, personId)) {
      const state = await docState(session, docId);
      if (state) ownDocs[docId] = docJsonOf(state);
      continue;
    }
    if (parseDocId(docId).kind !== 'board') continue;
    notes.push(
      ...(await docs.read(docId, (doc) => {
        const found: Array<{ docId: string; noteId: string; text: string }> = [];
        const map = doc.getMap<Y.Map<unknown>>('notes');
        for (const [noteId, note] of map.entries()) {
          if (note.get('authorId') !== personId) continue;
          found.push({ docId, noteId, text: String(note.get('text') ?? '') });
        }
        return found;
      })),
    );
  }
  return {
    format: 'samle-person-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    person: (await rows('SELECT * FROM people WHERE id = ?', [personId]))[0] ?? null,
    workshop:
      (await rows('SELECT id, title, organisation FROM workshops WHERE id = ?', [person.workshopId]))[0] ?? null,
    tables: await rows(
      'SELECT g.id, g.name FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.person_id = ?',
      [personId],
    ),
    notes,
    ownDocuments: ownDocs,
    questions: await rows(
      'SELECT id, kind, text, anonymous, created_at, status, answer FROM questions WHERE author_key = ?',
      [key],
    ),
    supports: await rows('SELECT question_id FROM question_supports WHERE person_id = ?', [personId]),
    evaluationAnswers: await rows(
      'SELECT evaluation_id, ratings, text, answered_at FROM evaluation_responses WHERE respondent_key = ?',
      [key],
    ),
    pulseAnswers: await rows(
      'SELECT pulse_id, respondent_name, answers, answered_at FROM pulse_answers WHERE respondent_key = ?',
      [deps.pulseKey(personId)],
    ),
    votes: await rows('SELECT round_id, note_id, count FROM votes WHERE voter_id = ?', [personId]),
    doneMarks: await rows('SELECT session_id, round, at FROM done_marks WHERE person_id = ?', [personId]),
  };
}
