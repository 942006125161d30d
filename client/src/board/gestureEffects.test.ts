import { describe, expect, it } from 'vitest';
import { type GestureEffect, IDLE, pointerDown, pointerUp } from '../interaction/pointerGesture';
import { type GestureTarget, performGestureEffects } from './gestureEffects';

/** A target that writes down each call, in order. */
function recorder(): { target: GestureTarget; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const target = new Proxy({} as GestureTarget, { get: (_, name) => record(String(name)) });
  return { target, calls };
}

describe('the canvas performs gesture effects', () => {
  it('acts on the board in the order the gesture machine decided', () => {
    const { target, calls } = recorder();
    const effects: GestureEffect[] = [
      { kind: 'beginChange' },
      { kind: 'moveNotes', moves: [{ id: 'a', x: 10, y: 20 }] },
      { kind: 'dropNotes', noteIds: ['a'] },
      { kind: 'endChange' },
    ];
    performGestureEffects(effects, target);
    expect(calls).toEqual([
      ['beginChange'],
      ['moveNotes', [{ id: 'a', x: 10, y: 20 }]],
      ['dropNotes', ['a']],
      ['endChange'],
    ]);
  });

  it('clears the selection without taking keyboard focus, and moves and resizes themes by their ids', () => {
    const { target, calls } = recorder();
    performGestureEffects(
      [
        { kind: 'clearSelection' },
        { kind: 'moveCluster', clusterId: 'c', x: 5, y: 6 },
        { kind: 'resizeCluster', clusterId: 'c', w: 300, h: 200 },
        { kind: 'settleCluster', clusterId: 'c' },
        { kind: 'pan', dx: -3, dy: 4 },
      ],
      target,
    );
    expect(calls).toEqual([
      ['clearSelection', false],
      ['moveClusterTo', 'c', 5, 6],
      ['resizeClusterTo', 'c', 300, 200],
      ['settleCluster', 'c'],
      ['panBy', -3, 4],
    ]);
  });

  it('hands the rubber band to the canvas while it moves and when it is released', () => {
    const { target, calls } = recorder();
    const rect = { x: 1, y: 2, width: 30, height: 40 };
    performGestureEffects(
      [
        { kind: 'marquee', rect, additive: true, done: false },
        { kind: 'marquee', rect, additive: true, done: true },
      ],
      target,
    );
    expect(calls).toEqual([
      ['marquee', rect, true, false],
      ['marquee', rect, true, true],
    ]);
  });

  it('turns a click on an unselected note into selecting it, through the gesture machine', () => {
    const { target, calls } = recorder();
    const down = pointerDown(IDLE, {
      pointerId: 1,
      button: 0,
      screen: { x: 0, y: 0 },
      spaceHeld: false,
      target: { kind: 'note', noteId: 'n', group: [], wasSelected: false, wasOnlySelected: false },
    });
    performGestureEffects(down.effects, target);
    performGestureEffects(pointerUp(down.state, 1).effects, target);
    expect(calls).toEqual([['selectNote', 'n']]);
  });
});
