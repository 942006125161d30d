import type { Point, Rect } from './viewport';

/**
 * The pointer gesture state machine of the board canvas, free of the DOM.
 *
 * - A press on a note selects it (shift/ctrl/⌘ toggles it in the selection);
 *   moving past a small threshold drags it — with the rest of the selection if
 *   it was part of one. A click on the only selected note starts editing it.
 * - A press on empty canvas (or inside a theme frame) draws a rubber band that
 *   selects the notes it touches. Panning is space+drag, the middle button,
 *   a one-finger drag on a touch screen, or the wheel/trackpad.
 * - A press on a theme's header selects the theme and drags it (with its notes);
 *   a click on its title starts renaming. Its corner handle resizes it.
 *
 * The canvas feeds pointer events in and performs the returned effects.
 */

export const DRAG_THRESHOLD_PX = 4;

export interface Placed {
  id: string;
  origin: Point;
}

export type PressTarget =
  | { kind: 'canvas' }
  | {
      kind: 'note';
      noteId: string;
      /** The notes that move if this press becomes a drag (the note, plus the selection it belongs to). */
      group: readonly Placed[];
      wasSelected: boolean;
      /** It was the one and only selected note: a click edits it. */
      wasOnlySelected: boolean;
    }
  | { kind: 'clusterHeader'; clusterId: string; origin: Point; onTitle: boolean }
  | { kind: 'clusterResize'; clusterId: string; size: { w: number; h: number } };

export type GestureState =
  | { kind: 'idle' }
  | { kind: 'pressed'; pointerId: number; start: Point; target: PressTarget; panMode: boolean; additive: boolean }
  | { kind: 'draggingNotes'; pointerId: number; start: Point; group: readonly Placed[] }
  | { kind: 'draggingCluster'; pointerId: number; start: Point; clusterId: string; origin: Point }
  | { kind: 'resizingCluster'; pointerId: number; start: Point; clusterId: string; size: { w: number; h: number } }
  | { kind: 'marquee'; pointerId: number; start: Point; current: Point; additive: boolean }
  | { kind: 'panning'; pointerId: number; last: Point };

export type GestureEffect =
  | { kind: 'selectNote'; noteId: string; additive: boolean }
  | { kind: 'toggleNote'; noteId: string }
  | { kind: 'clearSelection' }
  | { kind: 'editNote'; noteId: string }
  /** A change that should undo as one step begins (drag, resize). */
  | { kind: 'beginChange' }
  | { kind: 'moveNotes'; moves: { id: string; x: number; y: number }[] }
  /** Notes were dropped: they join the theme under them, or leave theirs. */
  | { kind: 'dropNotes'; noteIds: string[] }
  | { kind: 'selectCluster'; clusterId: string }
  | { kind: 'moveCluster'; clusterId: string; x: number; y: number }
  | { kind: 'resizeCluster'; clusterId: string; w: number; h: number }
  /** A frame was resized: membership follows what it now covers. */
  | { kind: 'settleCluster'; clusterId: string }
  | { kind: 'endChange' }
  | { kind: 'editClusterTitle'; clusterId: string }
  /** The rubber band, in screen coordinates; `done` when the pointer is released. */
  | { kind: 'marquee'; rect: Rect; additive: boolean; done: boolean }
  | { kind: 'pan'; dx: number; dy: number };

export interface PointerDown {
  pointerId: number;
  /** 0 primary, 1 middle, 2 secondary (as in PointerEvent.button). */
  button: number;
  screen: Point;
  target: PressTarget;
  /** True while the space bar is held: any press pans. */
  spaceHeld: boolean;
  /** Shift, ctrl or ⌘ was held: the press adds to (or removes from) the selection. */
  additive?: boolean;
  /**
   * A drag on empty canvas pans instead of drawing a rubber band: for a finger on
   * a touch screen (where a rubber band is fiddly) and on a read-only board.
   */
  panByDrag?: boolean;
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
  const target = down.target;
  const panMode = down.spaceHeld || down.button === 1 || (down.panByDrag === true && target.kind === 'canvas');
  const additive = down.additive === true;
  const next: GestureState = {
    kind: 'pressed',
    pointerId: down.pointerId,
    start: down.screen,
    target,
    panMode,
    additive,
  };
  if (panMode) return { state: next, effects: [] };
  if (target.kind === 'note') {
    // A selected note pressed with shift is removed on release, unless the press becomes a drag.
    if (additive)
      return { state: next, effects: target.wasSelected ? [] : [{ kind: 'toggleNote', noteId: target.noteId }] };
    return {
      state: next,
      effects: target.wasSelected ? [] : [{ kind: 'selectNote', noteId: target.noteId, additive }],
    };
  }
  if (target.kind === 'clusterHeader' || target.kind === 'clusterResize') {
    return { state: next, effects: [{ kind: 'selectCluster', clusterId: target.clusterId }] };
  }
  return { state: next, effects: [] };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The board distance the pointer travelled since `start`, rounded to whole board pixels. */
function travelled(start: Point, screen: Point, zoom: number): Point {
  return { x: Math.round((screen.x - start.x) / zoom), y: Math.round((screen.y - start.y) / zoom) };
}

function rectBetween(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

function moveGroup(group: readonly Placed[], by: Point): GestureEffect {
  return { kind: 'moveNotes', moves: group.map(({ id, origin }) => ({ id, x: origin.x + by.x, y: origin.y + by.y })) };
}

/** The effects of a gesture that has just crossed the drag threshold (or continues). */
function continueGesture(state: GestureState, screen: Point, zoom: number): GestureEffect[] {
  switch (state.kind) {
    case 'draggingNotes':
      return [moveGroup(state.group, travelled(state.start, screen, zoom))];
    case 'draggingCluster': {
      const by = travelled(state.start, screen, zoom);
      return [{ kind: 'moveCluster', clusterId: state.clusterId, x: state.origin.x + by.x, y: state.origin.y + by.y }];
    }
    case 'resizingCluster': {
      const by = travelled(state.start, screen, zoom);
      return [{ kind: 'resizeCluster', clusterId: state.clusterId, w: state.size.w + by.x, h: state.size.h + by.y }];
    }
    case 'marquee':
      return [{ kind: 'marquee', rect: rectBetween(state.start, screen), additive: state.additive, done: false }];
    default:
      return [];
  }
}

function startDrag(state: Extract<GestureState, { kind: 'pressed' }>, screen: Point): GestureState {
  const { pointerId, start, target } = state;
  if (state.panMode) return { kind: 'panning', pointerId, last: start };
  switch (target.kind) {
    case 'canvas':
      return { kind: 'marquee', pointerId, start, current: screen, additive: state.additive };
    case 'note':
      return { kind: 'draggingNotes', pointerId, start, group: target.group };
    case 'clusterHeader':
      return { kind: 'draggingCluster', pointerId, start, clusterId: target.clusterId, origin: target.origin };
    case 'clusterResize':
      return { kind: 'resizingCluster', pointerId, start, clusterId: target.clusterId, size: target.size };
  }
}

export function pointerMove(state: GestureState, pointerId: number, screen: Point, zoom: number): GestureStep {
  if (state.kind === 'idle' || state.pointerId !== pointerId) return { state, effects: [] };
  if (state.kind === 'pressed') {
    if (distance(state.start, screen) < DRAG_THRESHOLD_PX) return { state, effects: [] };
    const dragging = startDrag(state, screen);
    if (dragging.kind === 'panning') {
      return {
        state: { ...dragging, last: screen },
        effects: [{ kind: 'pan', dx: screen.x - state.start.x, dy: screen.y - state.start.y }],
      };
    }
    const begin: GestureEffect[] = dragging.kind === 'marquee' ? [] : [{ kind: 'beginChange' }];
    return { state: dragging, effects: [...begin, ...continueGesture(dragging, screen, zoom)] };
  }
  if (state.kind === 'panning') {
    return {
      state: { ...state, last: screen },
      effects: [{ kind: 'pan', dx: screen.x - state.last.x, dy: screen.y - state.last.y }],
    };
  }
  const next = state.kind === 'marquee' ? { ...state, current: screen } : state;
  return { state: next, effects: continueGesture(next, screen, zoom) };
}

function clickEffects(state: Extract<GestureState, { kind: 'pressed' }>): GestureEffect[] {
  const { target } = state;
  switch (target.kind) {
    case 'canvas':
      return state.additive ? [] : [{ kind: 'clearSelection' }];
    case 'note':
      if (state.additive) return target.wasSelected ? [{ kind: 'toggleNote', noteId: target.noteId }] : [];
      if (target.wasOnlySelected) return [{ kind: 'editNote', noteId: target.noteId }];
      // A click on one note of a multi-selection narrows the selection to it.
      return target.wasSelected ? [{ kind: 'selectNote', noteId: target.noteId, additive: false }] : [];
    case 'clusterHeader':
      return target.onTitle ? [{ kind: 'editClusterTitle', clusterId: target.clusterId }] : [];
    case 'clusterResize':
      return [];
  }
}

export function pointerUp(state: GestureState, pointerId: number): GestureStep {
  if (state.kind === 'idle' || state.pointerId !== pointerId) return { state, effects: [] };
  switch (state.kind) {
    case 'pressed':
      return { state: IDLE, effects: state.panMode ? [] : clickEffects(state) };
    case 'draggingNotes':
      return {
        state: IDLE,
        effects: [{ kind: 'dropNotes', noteIds: state.group.map((n) => n.id) }, { kind: 'endChange' }],
      };
    case 'draggingCluster':
      return { state: IDLE, effects: [{ kind: 'endChange' }] };
    case 'resizingCluster':
      return { state: IDLE, effects: [{ kind: 'settleCluster', clusterId: state.clusterId }, { kind: 'endChange' }] };
    case 'marquee':
      return {
        state: IDLE,
        effects: [
          { kind: 'marquee', rect: rectBetween(state.start, state.current), additive: state.additive, done: true },
        ],
      };
    case 'panning':
      return { state: IDLE, effects: [] };
  }
}

/** The browser took the pointer away (e.g. a system gesture): end the gesture where it is. */
export function pointerCancel(state: GestureState, pointerId: number): GestureStep {
  if (state.kind === 'idle' || state.pointerId !== pointerId) return { state, effects: [] };
  if (state.kind === 'draggingNotes' || state.kind === 'draggingCluster' || state.kind === 'resizingCluster') {
    return pointerUp(state, pointerId);
  }
  if (state.kind === 'marquee')
    return {
      state: IDLE,
      effects: [{ kind: 'marquee', rect: rectBetween(state.start, state.start), additive: true, done: true }],
    };
  return { state: IDLE, effects: [] };
}

/** What the current gesture holds, so culling keeps it mounted. */
export function activeIds(state: GestureState): { notes: readonly string[]; cluster: string | undefined } {
  if (state.kind === 'draggingNotes') return { notes: state.group.map((n) => n.id), cluster: undefined };
  if (state.kind === 'draggingCluster' || state.kind === 'resizingCluster')
    return { notes: [], cluster: state.clusterId };
  return { notes: [], cluster: undefined };
}
