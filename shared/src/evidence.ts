import { type Static, Type } from '@sinclair/typebox';
import type * as Y from 'yjs';
import type { QuestionKind, QuestionStatus } from './questions.js';

/**
 * The evidence leaders decide on, beside each idea of the catalog: the dot votes
 * its source notes got (summed by the server over every closed vote round of
 * their boards; an open round's votes stay secret), the questions and proposals
 * linked to it with their supports, and the participants' support for the idea
 * itself (one per person, while the facilitator has support open).
 *
 * `GET /api/workshops/:id/catalog/evidence` (leaders and facilitators) answers
 * with `CatalogEvidence`; `GET …/catalog/votes` with `NoteVotes` for the
 * synthesis view.
 */

/** A question or proposal linked to an idea, as leaders and the published page see it (no author). */
export interface LinkedQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  supports: number;
  status: QuestionStatus;
  answer: string | null;
  /** This idea was taken into the catalog from this question (it is the idea's source). */
  isSource: boolean;
}

export interface IdeaEvidence {
  ideaId: string;
  /** Dot votes per source note, by `sourceKey` (board/note); a source without votes is absent. */
  votes: Record<string, number>;
  /** All the idea's sources' votes together. */
  voteTotal: number;
  questions: LinkedQuestion[];
  /** Participants who support the idea. */
  supports: number;
}

/** Whether participants may support ideas now; the facilitator opens and closes it. */
export interface SupportWindow {
  open: boolean;
  openedAt: number | null;
  closedAt: number | null;
}

export interface CatalogEvidence {
  ideas: IdeaEvidence[];
  support: SupportWindow;
}

/** Closed-round dot votes per board and note: `{ [boardId]: { [noteId]: votes } }`. */
export interface NoteVotes {
  boards: Record<string, Record<string, number>>;
}

/** A participant's own support (`GET …/published/support`). */
export interface MySupport {
  support: SupportWindow;
  /** Ideas the caller supports. */
  ideaIds: string[];
}

export const SupportWindowBody = Type.Object({ open: Type.Boolean() }, { additionalProperties: false });
export type SupportWindowBody = Static<typeof SupportWindowBody>;

export const SupportIdeaBody = Type.Object({ supported: Type.Boolean() }, { additionalProperties: false });
export type SupportIdeaBody = Static<typeof SupportIdeaBody>;

export const IdeaFromQuestionBody = Type.Object(
  {
    questionId: Type.String({ minLength: 1, maxLength: 64 }),
    /** The new idea's title; the question's text (shortened) when absent. */
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
  },
  { additionalProperties: false },
);
export type IdeaFromQuestionBody = Static<typeof IdeaFromQuestionBody>;

export const NO_SUPPORT_WINDOW: SupportWindow = { open: false, openedAt: null, closedAt: null };

/** The support window as the server wrote it into `<workshop>-published` (key `support`). */
export function readSupportWindow(doc: Y.Doc): SupportWindow {
  const value = doc.getMap<unknown>('published').get('support') as Partial<SupportWindow> | undefined;
  if (!value || typeof value !== 'object') return NO_SUPPORT_WINDOW;
  return {
    open: value.open === true,
    openedAt: typeof value.openedAt === 'number' ? value.openedAt : null,
    closedAt: typeof value.closedAt === 'number' ? value.closedAt : null,
  };
}

export function writeSupportWindow(doc: Y.Doc, window: SupportWindow): void {
  doc.getMap<unknown>('published').set('support', window);
}

/** A title for an idea taken from a question: its first line, cut at a word near 120 characters. */
export function titleFromQuestion(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 120) return line;
  const cut = line.slice(0, 120);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
