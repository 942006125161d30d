import { describe, expect, it } from 'vitest';
import { type GestureState, IDLE, type PressTarget, pointerDown, pointerMove, pointerUp } from './pointerGesture';

const onNote = (wasSelected = false): PressTarget => ({
  kind: 'note',
  noteId: 'n1',
  origin: { x: 100, y: 100 },
  wasSelected,
});

function press(target: PressTarget, opts: { spaceHeld?: boolean; button?: number } = {}): GestureState {
  return pointerDown(IDLE, {
    pointerId: 1,
    button: opts.button ?? 0,
    screen: { x: 10, y: 10 },
    target,
    spaceHeld: opts.spaceHeld ?? false,
  }).state;
}

describe('pointer gestures', () => {
  it('selects a note as soon as it is pressed', () => {
    const step = pointerDown(IDLE, {
      pointerId: 1,
      button: 0,
      screen: { x: 0, y: 0 },
      target: onNote(),
      spaceHeld: false,
    });
    expect(step.effects).toEqual([{ kind: 'selectNote', noteId: 'n1' }]);
  });

  it('does not move a note for a tiny jitter below the threshold', () => {
    const step = pointerMove(press(onNote()), 1, { x: 12, y: 11 }, 1);
    expect(step.effects).toEqual([]);
    expect(step.state.kind).toBe('pressed');
  });

  it('drags a note by the pointer distance divided by the zoom', () => {
    let state = press(onNote());
    state = pointerMove(state, 1, { x: 30, y: 10 }, 2).state;
    const step = pointerMove(state, 1, { x: 110, y: 60 }, 2);
    expect(step.effects).toEqual([{ kind: 'moveNote', noteId: 'n1', x: 150, y: 125 }]);
    expect(pointerUp(step.state, 1)).toEqual({ state: IDLE, effects: [] });
  });

  it('starts editing when an already selected note is clicked', () => {
    expect(pointerUp(press(onNote(true)), 1).effects).toEqual([{ kind: 'editNote', noteId: 'n1' }]);
  });

  it('only selects (does not edit) on the first click', () => {
    expect(pointerUp(press(onNote(false)), 1).effects).toEqual([]);
  });

  it('pans when dragging empty canvas, by the incremental pointer movement', () => {
    let step = pointerMove(press({ kind: 'canvas' }), 1, { x: 30, y: 10 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 20, dy: 0 }]);
    step = pointerMove(step.state, 1, { x: 35, y: 25 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 5, dy: 15 }]);
  });

  it('clears the selection on a click on empty canvas', () => {
    expect(pointerUp(press({ kind: 'canvas' }), 1).effects).toEqual([{ kind: 'clearSelection' }]);
  });

  it('pans instead of dragging a note while space is held', () => {
    const step = pointerMove(press(onNote(), { spaceHeld: true }), 1, { x: 50, y: 10 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 40, dy: 0 }]);
  });

  it('pans with the middle button', () => {
    const step = pointerMove(press(onNote(), { button: 1 }), 1, { x: 10, y: 40 }, 1);
    expect(step.effects).toEqual([{ kind: 'pan', dx: 0, dy: 30 }]);
  });

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
});
