import { describe, expect, it } from 'vitest';
import {
  type GestureState,
  IDLE,
  type PressTarget,
  pointerCancel,
  pointerDown,
  pointerMove,
  pointerUp,
} from './pointerGesture';

const onNote = (wasSelected = false, wasOnlySelected = wasSelected): PressTarget => ({
  kind: 'note',
  noteId: 'n1',
  group: [{ id: 'n1', origin: { x: 100, y: 100 } }],
  wasSelected,
  wasOnlySelected,
});

const onSelection: PressTarget = {
  kind: 'note',
  noteId: 'n1',
  group: [
    { id: 'n1', origin: { x: 100, y: 100 } },
    { id: 'n2', origin: { x: 400, y: 0 } },
  ],
  wasSelected: true,
  wasOnlySelected: false,
};

function press(
  target: PressTarget,
  opts: { spaceHeld?: boolean; button?: number; additive?: boolean; panByDrag?: boolean } = {},
): GestureState {
  return pointerDown(IDLE, {
    pointerId: 1,
    button: opts.button ?? 0,
    screen: { x: 10, y: 10 },
    target,
    spaceHeld: opts.spaceHeld ?? false,
    additive: opts.additive,
    panByDrag: opts.panByDrag,
  }).state;
}

function drag(state: GestureState, ...points: [number, number][]) {
  let step = { state, effects: [] as ReturnType<typeof pointerMove>['effects'] };
  const effects = [];
  for (const [x, y] of points) {
    step = pointerMove(step.state, 1, { x, y }, 1);
    effects.push(...step.effects);
  }
  return { state: step.state, effects };
}

describe('pointer gestures on notes', () => {
  it('selects a note as soon as it is pressed', () => {
    const step = pointerDown(IDLE, {
      pointerId: 1,
      button: 0,
      screen: { x: 0, y: 0 },
      target: onNote(),
      spaceHeld: false,
    });
    expect(step.effects).toEqual([{ kind: 'selectNote', noteId: 'n1', additive: false }]);
  });

  it('does not move a note for a tiny jitter below the threshold', () => {
    const step = pointerMove(press(onNote()), 1, { x: 12, y: 11 }, 1);
    expect(step.effects).toEqual([]);
    expect(step.state.kind).toBe('pressed');
  });

  it('drags a note by the pointer distance divided by the zoom, as one undoable change', () => {
    let state = press(onNote());
    const first = pointerMove(state, 1, { x: 30, y: 10 }, 2);
    expect(first.effects[0]).toEqual({ kind: 'beginChange' });
    state = first.state;
    const step = pointerMove(state, 1, { x: 110, y: 60 }, 2);
    expect(step.effects).toEqual([{ kind: 'moveNotes', moves: [{ id: 'n1', x: 150, y: 125 }] }]);
    expect(pointerUp(step.state, 1).effects).toEqual([{ kind: 'dropNotes', noteIds: ['n1'] }, { kind: 'endChange' }]);
  });

  it('drags the whole selection together when one of its notes is dragged', () => {
    const { effects } = drag(press(onSelection), [60, 30]);
    expect(effects.at(-1)).toEqual({
      kind: 'moveNotes',
      moves: [
        { id: 'n1', x: 150, y: 120 },
        { id: 'n2', x: 450, y: 20 },
      ],
    });
  });

  it('starts editing when the only selected note is clicked', () => {
    expect(pointerUp(press(onNote(true)), 1).effects).toEqual([{ kind: 'editNote', noteId: 'n1' }]);
  });

  it('narrows a multi-selection to the clicked note instead of editing it', () => {
    expect(pointerUp(press(onSelection), 1).effects).toEqual([{ kind: 'selectNote', noteId: 'n1', additive: false }]);
  });

  it('only selects (does not edit) on the first click', () => {
    expect(pointerUp(press(onNote(false)), 1).effects).toEqual([]);
  });

  it('adds a note to the selection with shift-click, and removes it with a second shift-click', () => {
    const add = pointerDown(IDLE, {
      pointerId: 1,
      button: 0,
      screen: { x: 0, y: 0 },
      target: onNote(false),
      spaceHeld: false,
      additive: true,
    });
    expect(add.effects).toEqual([{ kind: 'toggleNote', noteId: 'n1' }]);
    expect(pointerUp(add.state, 1).effects).toEqual([]);
    expect(pointerUp(press(onSelection, { additive: true }), 1).effects).toEqual([
      { kind: 'toggleNote', noteId: 'n1' },
    ]);
  });

  it('keeps a shift-pressed selected note selected when the press becomes a drag', () => {
    const { state, effects } = drag(press(onSelection, { additive: true }), [60, 30]);
    expect(effects.some((e) => e.kind === 'toggleNote')).toBe(false);
    expect(pointerUp(state, 1).effects[0]).toEqual({ kind: 'dropNotes', noteIds: ['n1', 'n2'] });
  });
});

describe('pointer gestures on empty canvas', () => {
  it('draws a rubber band from the press to the pointer, and reports it when released', () => {
    const { state, effects } = drag(press({ kind: 'canvas' }), [30, 10], [60, 90]);
    expect(effects.at(-1)).toEqual({
      kind: 'marquee',
      rect: { x: 10, y: 10, width: 50, height: 80 },
      additive: false,
      done: false,
    });
    expect(pointerUp(state, 1).effects).toEqual([
      { kind: 'marquee', rect: { x: 10, y: 10, width: 50, height: 80 }, additive: false, done: true },
    ]);
  });

  it('draws the rubber band in any direction', () => {
    const { effects } = drag(press({ kind: 'canvas' }), [0, 0]);
    expect(effects.at(-1)).toMatchObject({ rect: { x: 0, y: 0, width: 10, height: 10 } });
  });

  it('clears the selection on a click on empty canvas, but not on a shift-click', () => {
    expect(pointerUp(press({ kind: 'canvas' }), 1).effects).toEqual([{ kind: 'clearSelection' }]);
    expect(pointerUp(press({ kind: 'canvas' }, { additive: true }), 1).effects).toEqual([]);
  });

  it('pans instead of selecting while space is held, by the incremental pointer movement', () => {
    let step = pointerMove(press({ kind: 'canvas' }, { spaceHeld: true }), 1, { x: 30, y: 10 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 20, dy: 0 }]);
    step = pointerMove(step.state, 1, { x: 35, y: 25 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 5, dy: 15 }]);
  });

  it('pans instead of dragging a note while space is held', () => {
    const step = pointerMove(press(onNote(), { spaceHeld: true }), 1, { x: 50, y: 10 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 40, dy: 0 }]);
  });

  it('pans with the middle button', () => {
    const step = pointerMove(press(onNote(), { button: 1 }), 1, { x: 10, y: 40 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 0, dy: 30 }]);
  });

  it('pans with one finger on a touch screen, where a rubber band would be fiddly', () => {
    const step = pointerMove(press({ kind: 'canvas' }, { panByDrag: true }), 1, { x: 10, y: 40 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 0, dy: 30 }]);
  });
});

describe('pointer gestures on themes', () => {
  const header = (onTitle = false): PressTarget => ({
    kind: 'clusterHeader',
    clusterId: 'c1',
    origin: { x: 0, y: 0 },
    onTitle,
  });

  it('selects a theme when its header is pressed and moves it when dragged', () => {
    const down = pointerDown(IDLE, {
      pointerId: 1,
      button: 0,
      screen: { x: 10, y: 10 },
      target: header(),
      spaceHeld: false,
    });
    expect(down.effects).toEqual([{ kind: 'selectCluster', clusterId: 'c1' }]);
    const { state, effects } = drag(down.state, [50, 30], [110, 60]);
    expect(effects[0]).toEqual({ kind: 'beginChange' });
    expect(effects.at(-1)).toEqual({ kind: 'moveCluster', clusterId: 'c1', x: 100, y: 50 });
    expect(pointerUp(state, 1).effects).toEqual([{ kind: 'endChange' }]);
  });

  it('starts renaming when the title is clicked without moving', () => {
    expect(pointerUp(press(header(true)), 1).effects).toEqual([{ kind: 'editClusterTitle', clusterId: 'c1' }]);
    expect(pointerUp(press(header(false)), 1).effects).toEqual([]);
  });

  it('resizes a theme from its corner handle', () => {
    const target: PressTarget = { kind: 'clusterResize', clusterId: 'c1', size: { w: 500, h: 400 } };
    const { state, effects } = drag(press(target), [110, 60]);
    expect(effects.at(-1)).toEqual({ kind: 'resizeCluster', clusterId: 'c1', w: 600, h: 450 });
    expect(pointerUp(state, 1).effects[0]).toEqual({ kind: 'settleCluster', clusterId: 'c1' });
  });
});

describe('pointer bookkeeping', () => {
  it('ignores a second pointer while the first one drags', () => {
    const state = press(onNote());
    const second = pointerDown(state, {
      pointerId: 2,
      button: 0,
      screen: { x: 0, y: 0 },
      target: { kind: 'canvas' },
      spaceHeld: false,
    });
    expect(second.state).toBe(state);
    expect(pointerMove(state, 2, { x: 500, y: 500 }, 1).effects).toEqual([]);
  });

  it('ignores the secondary button', () => {
    const step = pointerDown(IDLE, {
      pointerId: 1,
      button: 2,
      screen: { x: 0, y: 0 },
      target: onNote(),
      spaceHeld: false,
    });
    expect(step.state).toBe(IDLE);
  });

  it('still drops dragged notes when the browser cancels the pointer', () => {
    const { state } = drag(press(onNote()), [60, 30]);
    expect(pointerCancel(state, 1).effects[0]).toEqual({ kind: 'dropNotes', noteIds: ['n1'] });
  });
});
