import { createNote, readNotes } from '@samle/shared';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, connect, fx, invited, samle, useCatalogSuite } from './support/catalogSuite.js';
import { synced, until } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';

/**
 * Exports a Danish municipality can open (issue #15): XLSX and `;`-CSV with a BOM,
 * Danish headers and file names, formulas neutralised, XML-forbidden characters
 * out of DOCX, votes, questions, estimates and sources in every format, and the
 * internal note only in the explicitly internal export.
 */

// A server with a workshop of two tables per test: support/catalogSuite.ts.
useCatalogSuite();

const as = (token: string, path: string, body?: unknown) =>
  call(body === undefined ? 'GET' : 'POST', path, token, body);

const leader = () => invited('leader', 'Direktør Dorthe');

const FORMULA_TITLE = '=HYPERLINK("x")';

/** An idea titled like a formula, from a note with a control character that got two votes, assessed with estimates. */
async function assessedIdea() {
  const [t1] = fx.tables;
  const a = t1?.members[0];
  if (!t1 || !a) throw new Error('fixture without a table');
  const board = connect(t1.boardId, a.token);
  await synced(board);
  createNote(board.doc, { id: 'n1', x: 0, y: 0, text: 'Svar\u0007 inden 24 timer', authorName: 'Ada', createdAt: 1 });
  const witness = connect(t1.boardId, a.token);
  await until(witness.doc, (doc) => readNotes(doc).length === 1);
  await json(
    await samle.asFacilitator(`/api/boards/${t1.boardId}/vote`, { body: { action: 'open', budget: 3, maxPerNote: 3 } }),
  );
  await json(await as(a.token, `/api/boards/${t1.boardId}/votes`, { noteId: 'n1', delta: 1 }));
  await json(await as(a.token, `/api/boards/${t1.boardId}/votes`, { noteId: 'n1', delta: 1 }));
  await json(await samle.asFacilitator(`/api/boards/${t1.boardId}/vote`, { body: { action: 'close' } }));
  const workshop = fx.detail.workshop.id;
  const { ideaId } = await json<{ ideaId: string }>(
    await samle.asFacilitator(`/api/workshops/${workshop}/catalog/gather`, {
      body: { title: FORMULA_TITLE, sources: [{ boardId: t1.boardId, noteIds: ['n1'] }] },
    }),
    201,
  );
  const { id: questionId } = await json<{ id: string }>(
    await as(a.token, `/api/workshops/${workshop}/questions`, {
      kind: 'question',
      text: '+45 kan vi ringe direkte?',
      anonymous: true,
    }),
    201,
  );
  await json(await samle.asFacilitator(`/api/questions/${questionId}/idea`, { body: { ideaId } }));
  const dorthe = await leader();
  await json(
    await as(dorthe.token, `/api/workshops/${workshop}/ideas/${ideaId}/assessment`, {
      decision: 'council',
      rank: 1,
      rationale: 'Kræver nye midler.',
      internalNote: 'KUN-LEDELSEN: tal med økonomi først',
      oneOffDkk: 250000,
      yearlyDkk: 40000,
      staffHours: 120,
    }),
  );
  return { workshop, dorthe };
}

describe('exports of the catalog', () => {
  it('gives a semicolon CSV with a BOM, Danish headers and file name, formulas as text, no internal note', async () => {
    const { workshop, dorthe } = await assessedIdea();
    const response = await as(dorthe.token, `/api/workshops/${workshop}/catalog/export.csv`);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="idekatalog-erhvervsservice.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
    const [header, row] = csv.split('\r\n');
    expect(header?.split(';').slice(0, 3)).toEqual(['Prioritet', 'Idé', 'Beslutning']);
    expect(row?.startsWith(`1;"'=HYPERLINK(""x"")";Sendes til byrådsbeslutning;`)).toBe(true);
    expect(csv).toContain('250000;40000;120;2;0;');
    expect(csv).toContain('Spørgsmål: “+45 kan vi ringe direkte?” — 0 støtter');
    expect(csv).toContain('— 2 stemmer');
    expect(csv).not.toContain('KUN-LEDELSEN');

    const internal = await as(dorthe.token, `/api/workshops/${workshop}/catalog/export.csv?internal=true`);
    expect(internal.headers.get('content-disposition')).toContain('idekatalog-internt-erhvervsservice.csv');
    const internalText = await internal.text();
    expect(internalText).toContain('Intern note (kun ledelsen)');
    expect(internalText).toContain('KUN-LEDELSEN');
  });

  it('gives an XLSX that parses back with the decision, votes and costs in their cells and the title as text', async () => {
    const { workshop, dorthe } = await assessedIdea();
    const response = await as(dorthe.token, `/api/workshops/${workshop}/catalog/export.xlsx`);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain('idekatalog-erhvervsservice.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('Idéer');
    if (!sheet) throw new Error('no sheet "Idéer"');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(column('Idé')).value).toBe(FORMULA_TITLE);
    expect(row.getCell(column('Idé')).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(column('Beslutning')).value).toBe('Sendes til byrådsbeslutning');
    expect(row.getCell(column('Prikstemmer')).value).toBe(2);
    expect(row.getCell(column('Engangsudgift (kr.)')).value).toBe(250000);
    expect(row.getCell(column('Årlig udgift (kr.)')).value).toBe(40000);
    expect(row.getCell(column('Personaletimer')).value).toBe(120);
    expect(String(row.getCell(column('Oprindelse')).value)).toContain('“Svar inden 24 timer”');
    expect(header).not.toContain('Intern note (kun ledelsen)');
    const totals = book.getWorksheet('I alt pr. beslutning');
    if (!totals) throw new Error('no sheet "I alt pr. beslutning"');
    expect((totals.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Sendes til byrådsbeslutning',
      1,
      250000,
      40000,
      120,
    ]);
  });

  it('gives a DOCX without the control character, with votes, the linked question, estimates and sources', async () => {
    const { workshop, dorthe } = await assessedIdea();
    const response = await as(dorthe.token, `/api/workshops/${workshop}/catalog/export.docx`);
    expect(response.headers.get('content-disposition')).toContain('idekatalog-erhvervsservice.docx');
    const xml = strFromU8(
      unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml'] ?? new Uint8Array(),
    );
    const controls = [...xml].filter((c) => c.charCodeAt(0) < 0x20 && !'\t\n\r'.includes(c));
    expect(controls).toEqual([]);
    const text = xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"');
    for (const expected of [
      'Svar inden 24 timer',
      '2 stemmer',
      'Spørgsmål: “+45 kan vi ringe direkte?”',
      'Engangsudgift (kr.): 250.000 kr.',
      'Personaletimer: 120',
      'I alt pr. beslutning',
      'Sendes til byrådsbeslutning',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('KUN-LEDELSEN');
  });

  it('gives every description from the server for printing, opened or not', async () => {
    const { workshop, dorthe } = await assessedIdea();
    const answer = await json<{ descriptions: Record<string, string> }>(
      await as(dorthe.token, `/api/workshops/${workshop}/catalog/descriptions`),
    );
    expect(Object.keys(answer.descriptions)).toHaveLength(1);
  });
});
