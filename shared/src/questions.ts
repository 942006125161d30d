import { type Static, Type } from '@sinclair/typebox';
import type * as Y from 'yjs';
import { literals } from './schemaHelpers.js';

/**
 * Questions and proposals to management (*spørgsmål / forslag til ledelsen*).
 * Posting, supporting, answering and hiding are commands; the server keeps the
 * posts and writes the public list into a read-only doc per workshop
 * (`<workshop>-questions`), so new answers appear live for everyone. An
 * anonymous post's author is not in that doc, nor in any API answer.
 */

export const QUESTION_KINDS = ['question', 'proposal'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_STATUSES = ['new', 'answered', 'in_catalog'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_TEXT_MAX = 2000;

export interface QuestionView {
  id: string;
  kind: QuestionKind;
  text: string;
  /** Null for anonymous posts. */
  authorName: string | null;
  createdAt: number;
  supports: number;
  status: QuestionStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: number | null;
  /** The catalog idea this post was taken into (status `in_catalog`). */
  ideaId: string | null;
}

/** Milliseconds from posting to answer, or null while unanswered. */
export function responseTime(question: QuestionView): number | null {
  return question.answeredAt === null ? null : Math.max(0, question.answeredAt - question.createdAt);
}

/** The public list, newest first, as the server wrote it. */
export function readQuestions(doc: Y.Doc): QuestionView[] {
  const list = doc.getArray<QuestionView>('questions').toArray();
  return list.filter((q) => q && typeof q.id === 'string').sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Brings the public list to `questions` (the server runs this after every change),
 * changing only what differs: entries equal at the start and at the end stay, the
 * rest in between is replaced. A new post is one insert and an answer one
 * replacement, so the doc's log grows by that change, not by the whole list, and a
 * client's view of the untouched entries never blinks.
 */
export function writeQuestions(doc: Y.Doc, questions: QuestionView[]): void {
  const array = doc.getArray<QuestionView>('questions');
  const current = array.toArray().map(questionKey);
  const wanted = questions.map(questionKey);
  let start = 0;
  while (start < current.length && start < wanted.length && current[start] === wanted[start]) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < wanted.length - start &&
    current[current.length - 1 - end] === wanted[wanted.length - 1 - end]
  ) {
    end++;
  }
  const removed = current.length - start - end;
  const added = questions.slice(start, questions.length - end);
  if (removed === 0 && added.length === 0) return;
  doc.transact(() => {
    if (removed > 0) array.delete(start, removed);
    if (added.length > 0) array.insert(start, added);
  });
}

/** Every field in a fixed order: two entries are the same exactly when their keys are. */
function questionKey(q: QuestionView): string {
  // The doc is the server's alone, but a malformed entry must not stop the server from fixing it.
  if (!q || typeof q !== 'object') return 'not-a-question';
  return JSON.stringify([
    q.id,
    q.kind,
    q.text,
    q.authorName,
    q.createdAt,
    q.supports,
    q.status,
    q.answer,
    q.answeredBy,
    q.answeredAt,
    q.ideaId,
  ]);
}

export const PostQuestionBody = Type.Object(
  {
    kind: literals(QUESTION_KINDS),
    text: Type.String({ minLength: 1, maxLength: QUESTION_TEXT_MAX, pattern: '\\S' }),
    anonymous: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PostQuestionBody = Static<typeof PostQuestionBody>;

export const AnswerQuestionBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: QUESTION_TEXT_MAX, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type AnswerQuestionBody = Static<typeof AnswerQuestionBody>;

export const HideQuestionBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type HideQuestionBody = Static<typeof HideQuestionBody>;

/** What only the caller sees: their own posts (a hidden one with the facilitator's reason) and what they support. */
export const MyQuestions = Type.Object({
  posts: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: literals(QUESTION_KINDS),
      text: Type.String(),
      anonymous: Type.Boolean(),
      status: literals(QUESTION_STATUSES),
      hiddenReason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  supported: Type.Array(Type.String()),
});
export type MyQuestions = Static<typeof MyQuestions>;
