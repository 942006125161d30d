import type { Point } from './viewport';

/**
 * The pointer gesture state machine of the board canvas, free of the DOM.
 *
 * A press on a note selects it; moving past a small threshold turns the press
 * into a drag of that note. A press on empty canvas (or anywhere while space or
 * the middle button is held) pans once it moves; a press that never moves is a
 * click. Clicking a note that was already selected starts editing it.
 *
 * The canvas feeds pointer events in and performs the returned effects.
 */

export const DRAG_THRESHOLD_PX = 4;

export type PressTarget = { kind: 'canvas' } | { kind: 'note'; noteId: string; origin: Point; wasSelected: boolean };

export type GestureState =
  | { kind: 'idle' }
  | { kind: 'pressed'; pointerId: number; start: Point; target: PressTarget; panMode: boolean }
  | { kind: 'draggingNote'; pointerId: number; start: Point; noteId: string; origin: Point }
  | { kind: 'panning'; pointerId: number; last: Point };

export type GestureEffect =
  | { kind: 'selectNote'; noteId: string }
  | { kind: 'clearSelection' }
  | { kind: 'editNote'; noteId: string }
  | { kind: 'moveNote'; noteId: string; x: number; y: number }
  | { kind: 'pan'; dx: number; dy: number };

export interface PointerDown {
  pointerId: number;
  /** 0 primary, 1 middle, 2 secondary (as in PointerEvent.button). */
  button: number;
  screen: Point;
  target: PressTarget;
  /** True while the space bar is held: any press pans. */
  spaceHeld: boolean;
}

export interface GestureStep {
  state: GestureState;
  effects: GestureEffect[];
}

export const IDLE: GestureState = { kind: 'idle' };

export function pointerDown(state: GestureState, down: PointerDown): GestureStep {
  // A second pointer while one gesture runs is ignored (no multi-touch gestures yet).
  if (state.kind !== 'idle') return { state, effects: [] };
  if (down.button === 2) return { state, effects: [] };
  const panMode = down.spaceHeld || down.button === 1;
  const next: GestureState = {
    kind: 'pressed',
    pointerId: down.pointerId,
    start: down.screen,
    target: down.target,
    panMode,
  };
  const effects: GestureEffect[] =
    !panMode && down.target.kind === 'note' && !down.target.wasSelected
      ? [{ kind: 'selectNote', noteId: down.target.noteId }]
      : [];
  return { state: next, effects };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Where a dragged note sits when the pointer is at `screen`, in board coordinates. */
function draggedPosition(start: Point, origin: Point, screen: Point, zoom: number): Point {
  return {
    x: Math.round(origin.x + (screen.x - start.x) / zoom),
    y: Math.round(origin.y + (screen.y - start.y) / zoom),
  };
}

export function pointerMove(state: GestureState, pointerId: number, screen: Point, zoom: number): GestureStep {
  switch (state.kind) {
    case 'idle':
      return { state, effects: [] };
    case 'pressed': {
      if (state.pointerId !== pointerId || distance(state.start, screen) < DRAG_THRESHOLD_PX) {
        return { state, effects: [] };
      }
      if (state.panMode || state.target.kind === 'canvas') {
        return {
          state: { kind: 'panning', pointerId, last: screen },
          effects: [{ kind: 'pan', dx: screen.x - state.start.x, dy: screen.y - state.start.y }],
        };
      }
      const { noteId, origin } = state.target;
      const to = draggedPosition(state.start, origin, screen, zoom);
      return {
        state: { kind: 'draggingNote', pointerId, start: state.start, noteId, origin },
        effects: [{ kind: 'moveNote', noteId, ...to }],
      };
    }
    case 'draggingNote': {
      if (state.pointerId !== pointerId) return { state, effects: [] };
      const to = draggedPosition(state.start, state.origin, screen, zoom);
      return { state, effects: [{ kind: 'moveNote', noteId: state.noteId, ...to }] };
    }
    case 'panning': {
      if (state.pointerId !== pointerId) return { state, effects: [] };
      return {
        state: { ...state, last: screen },
        effects: [{ kind: 'pan', dx: screen.x - state.last.x, dy: screen.y - state.last.y }],
      };
    }
  }
}

export function pointerUp(state: GestureState, pointerId: number): GestureStep {
  if (state.kind === 'idle' || state.pointerId !== pointerId) return { state, effects: [] };
  if (state.kind !== 'pressed' || state.panMode) return { state: IDLE, effects: [] };
  // A press that never moved is a click.
  if (state.target.kind === 'canvas') return { state: IDLE, effects: [{ kind: 'clearSelection' }] };
  if (state.target.wasSelected) return { state: IDLE, effects: [{ kind: 'editNote', noteId: state.target.noteId }] };
  return { state: IDLE, effects: [] };
}

/** The browser took the pointer away (e.g. a system gesture): end the gesture where it is. */
export function pointerCancel(state: GestureState, pointerId: number): GestureStep {
  if (state.kind === 'idle' || state.pointerId !== pointerId) return { state, effects: [] };
  return { state: IDLE, effects: [] };
}

/** The note being dragged, if any, so culling keeps it mounted. */
export function activeNoteId(state: GestureState): string | undefined {
  return state.kind === 'draggingNote' ? state.noteId : undefined;
}
