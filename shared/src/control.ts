import { type Static, Type } from '@sinclair/typebox';
import type * as Y from 'yjs';
import { literals } from './schemaHelpers.js';

/**
 * A board's control doc: facilitation state that only the server writes (the
 * timer, the vote round), synced read-only to everyone who may read the board.
 * Participants cannot forge it: a raw update to a control doc is refused (4403).
 *
 * ```
 * timer: Y.Map{ durationMs, endsAt|null, remainingMs|null }   running ⇔ endsAt !== null
 * vote:  Y.Map{ id, status: 'open'|'closed', budget, maxPerNote, openedAt, closedAt|null, results: {noteId: count}|null }
 * ```
 * Vote totals stay on the server while a round is open (votes are secret); they
 * are written here when it closes.
 */

const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

// ---- private writing ----------------------------------------------------------

// A person's private drafts for a board during private writing live in a doc only its owner may open
// (`draftDocId` in docIds.ts). On reveal the server copies every draft's notes onto the board.

export interface PrivateWritingView {
  on: boolean;
  startedAt: number | null;
  /** When the last round was revealed. */
  revealedAt: number | null;
}

export function readPrivateWriting(doc: Y.Doc): PrivateWritingView {
  const map = doc.getMap<unknown>('privateWriting');
  return {
    on: map.get('on') === true,
    startedAt: numberOrNull(map.get('startedAt')),
    revealedAt: numberOrNull(map.get('revealedAt')),
  };
}

export function writePrivateWriting(doc: Y.Doc, on: boolean, now: number): void {
  const map = doc.getMap<unknown>('privateWriting');
  doc.transact(() => {
    map.set('on', on);
    if (on) map.set('startedAt', now);
    else map.set('revealedAt', now);
  });
}

export const PrivateWritingBody = Type.Object({ on: Type.Boolean() }, { additionalProperties: false });
export type PrivateWritingBody = Static<typeof PrivateWritingBody>;

// ---- follow / big screen ----------------------------------------------------------

/** Where the facilitator looks: board coordinates of the view's top-left corner and the zoom. */
/**
 * Where the facilitator looks: the board point at the top-left of their view
 * and their zoom, and — from clients that send it — the size of the board
 * rectangle they see (board units). Followers fit that rectangle to their own
 * screen, so a phone, a laptop and a 1920×1080 screen show the same area.
 */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
  width?: number;
  height?: number;
}

export interface FollowView {
  /** Everyone's view follows the facilitator's (and the big screen always does). */
  on: boolean;
  viewport: Viewport | null;
  /** A cluster the big screen shows alone, or null. */
  spotlightClusterId: string | null;
}

export function readFollow(doc: Y.Doc): FollowView {
  const map = doc.getMap<unknown>('follow');
  const viewport = map.get('viewport');
  const valid =
    viewport !== null &&
    typeof viewport === 'object' &&
    ['x', 'y', 'zoom'].every((key) => typeof (viewport as Record<string, unknown>)[key] === 'number');
  const spotlight = map.get('spotlightClusterId');
  return {
    on: map.get('on') === true,
    viewport: valid ? (viewport as Viewport) : null,
    spotlightClusterId: typeof spotlight === 'string' ? spotlight : null,
  };
}

export function writeFollow(doc: Y.Doc, change: Partial<FollowView>): void {
  const map = doc.getMap<unknown>('follow');
  doc.transact(() => {
    if (change.on !== undefined) map.set('on', change.on);
    if (change.viewport !== undefined) map.set('viewport', change.viewport);
    if (change.spotlightClusterId !== undefined) map.set('spotlightClusterId', change.spotlightClusterId);
  });
}

export const FollowBody = Type.Object(
  {
    on: Type.Optional(Type.Boolean()),
    viewport: Type.Optional(
      Type.Object(
        {
          x: Type.Number({ minimum: -1e6, maximum: 1e6 }),
          y: Type.Number({ minimum: -1e6, maximum: 1e6 }),
          zoom: Type.Number({ minimum: 0.05, maximum: 10 }),
          width: Type.Optional(Type.Number({ minimum: 1, maximum: 1e6 })),
          height: Type.Optional(Type.Number({ minimum: 1, maximum: 1e6 })),
        },
        { additionalProperties: false },
      ),
    ),
    spotlightClusterId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type FollowBody = Static<typeof FollowBody>;

// ---- timer ------------------------------------------------------------------

export interface TimerView {
  durationMs: number;
  /** When it reaches zero (epoch ms), while running. */
  endsAt: number | null;
  /** What was left when it was paused or set, while not running. */
  remainingMs: number | null;
}

export const MAX_TIMER_MS = 4 * 3600 * 1000;

function timerMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('timer');
}

export function readTimer(doc: Y.Doc): TimerView | null {
  const map = timerMap(doc);
  const durationMs = numberOrNull(map.get('durationMs'));
  if (durationMs === null) return null;
  return { durationMs, endsAt: numberOrNull(map.get('endsAt')), remainingMs: numberOrNull(map.get('remainingMs')) };
}

/** Milliseconds left at `now` (never negative). */
export function timeLeft(timer: TimerView, now: number): number {
  if (timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs ?? timer.durationMs);
}

export type TimerAction =
  | { action: 'start'; minutes: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'addMinute' }
  | { action: 'clear' };

/** Applies a facilitator's timer action (the server runs this on the control doc). Returns false when it does not apply. */
export function applyTimerAction(doc: Y.Doc, command: TimerAction, now: number): boolean {
  const map = timerMap(doc);
  const timer = readTimer(doc);
  switch (command.action) {
    case 'start': {
      const durationMs = Math.min(MAX_TIMER_MS, Math.max(1, Math.round(command.minutes * 60_000)));
      doc.transact(() => {
        map.set('durationMs', durationMs);
        map.set('endsAt', now + durationMs);
        map.set('remainingMs', null);
      });
      return true;
    }
    case 'pause':
      if (!timer || timer.endsAt === null) return false;
      doc.transact(() => {
        map.set('remainingMs', timeLeft(timer, now));
        map.set('endsAt', null);
      });
      return true;
    case 'resume':
      if (!timer || timer.endsAt !== null) return false;
      doc.transact(() => {
        map.set('endsAt', now + timeLeft(timer, now));
        map.set('remainingMs', null);
      });
      return true;
    case 'addMinute':
      if (!timer) return false;
      doc.transact(() => {
        map.set('durationMs', Math.min(MAX_TIMER_MS, timer.durationMs + 60_000));
        if (timer.endsAt !== null) map.set('endsAt', Math.max(timer.endsAt, now) + 60_000);
        else map.set('remainingMs', Math.min(MAX_TIMER_MS, timeLeft(timer, now) + 60_000));
      });
      return true;
    case 'clear':
      if (!timer) return false;
      doc.transact(() => {
        for (const key of [...map.keys()]) map.delete(key);
      });
      return true;
  }
}

// ---- vote -------------------------------------------------------------------

export interface VoteView {
  id: string;
  status: 'open' | 'closed';
  budget: number;
  maxPerNote: number;
  openedAt: number;
  closedAt: number | null;
  /** Votes per note, known once the round is closed. */
  results: Record<string, number> | null;
}

function voteMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('vote');
}

export function readVote(doc: Y.Doc): VoteView | null {
  const map = voteMap(doc);
  const id = map.get('id');
  const status = map.get('status');
  if (typeof id !== 'string' || (status !== 'open' && status !== 'closed')) return null;
  const results = map.get('results');
  const counts: Record<string, number> = {};
  if (results && typeof results === 'object' && !Array.isArray(results)) {
    for (const [noteId, count] of Object.entries(results as Record<string, unknown>)) {
      if (typeof count === 'number') counts[noteId] = count;
    }
  }
  return {
    id,
    status,
    budget: numberOrNull(map.get('budget')) ?? 0,
    maxPerNote: numberOrNull(map.get('maxPerNote')) ?? 0,
    openedAt: numberOrNull(map.get('openedAt')) ?? 0,
    closedAt: numberOrNull(map.get('closedAt')),
    results: status === 'closed' ? counts : null,
  };
}

export function writeVoteOpened(
  doc: Y.Doc,
  round: { id: string; budget: number; maxPerNote: number; openedAt: number },
): void {
  const map = voteMap(doc);
  doc.transact(() => {
    map.set('id', round.id);
    map.set('status', 'open');
    map.set('budget', round.budget);
    map.set('maxPerNote', round.maxPerNote);
    map.set('openedAt', round.openedAt);
    map.set('closedAt', null);
    map.set('results', null);
  });
}

export function writeVoteClosed(doc: Y.Doc, closedAt: number, results: Record<string, number>): void {
  const map = voteMap(doc);
  doc.transact(() => {
    map.set('status', 'closed');
    map.set('closedAt', closedAt);
    map.set('results', results);
  });
}

// ---- command schemas --------------------------------------------------------

export const TimerCommandBody = Type.Union([
  Type.Object(
    { action: Type.Literal('start'), minutes: Type.Number({ minimum: 0.1, maximum: 240 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: literals(['pause', 'resume', 'addMinute', 'clear'] as const) },
    { additionalProperties: false },
  ),
]);
export type TimerCommandBody = Static<typeof TimerCommandBody>;

export const VoteCommandBody = Type.Union([
  Type.Object(
    {
      action: Type.Literal('open'),
      budget: Type.Integer({ minimum: 1, maximum: 50 }),
      maxPerNote: Type.Integer({ minimum: 1, maximum: 50 }),
    },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('close') }, { additionalProperties: false }),
]);
export type VoteCommandBody = Static<typeof VoteCommandBody>;

export const CastVoteBody = Type.Object(
  { noteId: Type.String({ minLength: 1, maxLength: 64 }), delta: Type.Union([Type.Literal(1), Type.Literal(-1)]) },
  { additionalProperties: false },
);
export type CastVoteBody = Static<typeof CastVoteBody>;

export const BoardSettingsBody = Type.Object({ anonymous: Type.Boolean() }, { additionalProperties: false });
export type BoardSettingsBody = Static<typeof BoardSettingsBody>;

/** A voter's own votes in the open round: what only they (and the server) know while it is open. */
export const MyVotes = Type.Object({
  roundId: Type.Union([Type.String(), Type.Null()]),
  votes: Type.Record(Type.String(), Type.Integer()),
  remaining: Type.Integer(),
});
export type MyVotes = Static<typeof MyVotes>;
