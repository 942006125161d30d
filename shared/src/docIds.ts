/**
 * Every synced document's address, in one place. A doc id is a string on the
 * wire (`/sync/:docId`) and in storage; inside the code it is a `DocAddress`.
 * Builders and the parser live here together so that a new kind of document is
 * one new member of the union, and the compiler then points at every `switch`
 * that must say what it means (access, making on demand, …).
 *
 * | kind          | doc id                           |
 * | ------------- | -------------------------------- |
 * | `board`       | `<board>`                        |
 * | `control`     | `<board>-ctl`                    |
 * | `draft`       | `<board>-draft-<owner>`          |
 * | `reflection`  | `<workshop>-reflection-<person>` |
 * | `questions`   | `<workshop>-questions`           |
 * | `catalog`     | `<workshop>-catalog`             |
 * | `idea`        | `<workshop>-idea-<idea>`         |
 * | `assessments` | `<workshop>-assess`              |
 * | `published`   | `<workshop>-published`           |
 */
export type DocAddress =
  | { kind: 'board'; boardId: string }
  | { kind: 'control'; boardId: string }
  | { kind: 'draft'; boardId: string; ownerId: string }
  | { kind: 'reflection'; workshopId: string; personId: string }
  | { kind: 'questions'; workshopId: string }
  | { kind: 'catalog'; workshopId: string }
  | { kind: 'idea'; workshopId: string; ideaId: string }
  | { kind: 'assessments'; workshopId: string }
  | { kind: 'published'; workshopId: string };

export type DocKind = DocAddress['kind'];

const CONTROL_SUFFIX = '-ctl';
const DRAFT_INFIX = '-draft-';
const REFLECTION_INFIX = '-reflection-';
const QUESTIONS_SUFFIX = '-questions';
const CATALOG_SUFFIX = '-catalog';
const IDEA_INFIX = '-idea-';
const ASSESSMENTS_SUFFIX = '-assess';
const PUBLISHED_SUFFIX = '-published';

export function docIdOf(address: DocAddress): string {
  switch (address.kind) {
    case 'board':
      return address.boardId;
    case 'control':
      return `${address.boardId}${CONTROL_SUFFIX}`;
    case 'draft':
      return `${address.boardId}${DRAFT_INFIX}${address.ownerId}`;
    case 'reflection':
      return `${address.workshopId}${REFLECTION_INFIX}${address.personId}`;
    case 'questions':
      return `${address.workshopId}${QUESTIONS_SUFFIX}`;
    case 'catalog':
      return `${address.workshopId}${CATALOG_SUFFIX}`;
    case 'idea':
      return `${address.workshopId}${IDEA_INFIX}${address.ideaId}`;
    case 'assessments':
      return `${address.workshopId}${ASSESSMENTS_SUFFIX}`;
    case 'published':
      return `${address.workshopId}${PUBLISHED_SUFFIX}`;
  }
}

/** `<prefix><suffix>` with a non-empty prefix, or null. */
function prefixBefore(docId: string, suffix: string): string | null {
  return docId.length > suffix.length && docId.endsWith(suffix) ? docId.slice(0, -suffix.length) : null;
}

/** `<head><infix><tail>` split at the first infix, both parts non-empty, or null. */
function splitAt(docId: string, infix: string): { head: string; tail: string } | null {
  const at = docId.indexOf(infix);
  if (at <= 0) return null;
  const tail = docId.slice(at + infix.length);
  return tail ? { head: docId.slice(0, at), tail } : null;
}

/**
 * What a doc id addresses. Ids are matched in a fixed order — private docs
 * (drafts, reflections) first, a plain board last — because ids are free text
 * (`[A-Za-z0-9_-]`) and one id can look like several kinds: `x-draft-y-ctl` is
 * a draft, never a control doc. Anything that matches no other kind is a board;
 * whether that board exists is storage's question.
 */
export function parseDocId(docId: string): DocAddress {
  const draft = splitAt(docId, DRAFT_INFIX);
  if (draft) return { kind: 'draft', boardId: draft.head, ownerId: draft.tail };
  const reflection = splitAt(docId, REFLECTION_INFIX);
  if (reflection) return { kind: 'reflection', workshopId: reflection.head, personId: reflection.tail };
  const catalogOf = prefixBefore(docId, CATALOG_SUFFIX);
  if (catalogOf) return { kind: 'catalog', workshopId: catalogOf };
  const idea = splitAt(docId, IDEA_INFIX);
  // Idea ids never contain '-', so `<w>-idea-<i>-ctl` is not an idea doc.
  if (idea && !idea.tail.includes('-')) return { kind: 'idea', workshopId: idea.head, ideaId: idea.tail };
  const assessedIn = prefixBefore(docId, ASSESSMENTS_SUFFIX);
  if (assessedIn) return { kind: 'assessments', workshopId: assessedIn };
  const publishedIn = prefixBefore(docId, PUBLISHED_SUFFIX);
  if (publishedIn) return { kind: 'published', workshopId: publishedIn };
  const questionsOf = prefixBefore(docId, QUESTIONS_SUFFIX);
  if (questionsOf) return { kind: 'questions', workshopId: questionsOf };
  const controlled = prefixBefore(docId, CONTROL_SUFFIX);
  if (controlled) return { kind: 'control', boardId: controlled };
  return { kind: 'board', boardId: docId };
}

/**
 * Documents that exist once someone (the server, or a client allowed to open
 * them) first uses them: a board's control doc and private drafts, a person's
 * reflection, a workshop's questions, catalog, idea descriptions, assessments and published
 * catalog. Boards, by contrast, exist only when created through the API.
 */
export function isMadeOnDemand(docId: string): boolean {
  return parseDocId(docId).kind !== 'board';
}

// Builders by name, for the many call sites that know which kind they address.

export const controlDocId = (boardId: string): string => docIdOf({ kind: 'control', boardId });
export const draftDocId = (boardId: string, ownerId: string): string => docIdOf({ kind: 'draft', boardId, ownerId });
export const reflectionDocId = (workshopId: string, personId: string): string =>
  docIdOf({ kind: 'reflection', workshopId, personId });
export const questionsDocId = (workshopId: string): string => docIdOf({ kind: 'questions', workshopId });
export const catalogDocId = (workshopId: string): string => docIdOf({ kind: 'catalog', workshopId });
export const ideaDocId = (workshopId: string, ideaId: string): string => docIdOf({ kind: 'idea', workshopId, ideaId });
export const assessmentsDocId = (workshopId: string): string => docIdOf({ kind: 'assessments', workshopId });
export const publishedDocId = (workshopId: string): string => docIdOf({ kind: 'published', workshopId });
