import type { GestureEffect } from '../interaction/pointerGesture';
import type { Rect } from '../interaction/viewport';
import type { BoardActions } from './boardTypes';

/** What the canvas's gestures act on: the board's actions, and the rubber band the canvas draws. */
export type GestureTarget = Pick<
  BoardActions,
  | 'selectNote'
  | 'toggleNote'
  | 'clearSelection'
  | 'editNote'
  | 'beginChange'
  | 'moveNotes'
  | 'dropNotes'
  | 'selectCluster'
  | 'moveClusterTo'
  | 'resizeClusterTo'
  | 'settleCluster'
  | 'endChange'
  | 'editClusterTitle'
  | 'panBy'
> & {
  /** The rubber band moved (`done`: released, so its notes become the selection). */
  marquee(rect: Rect, additive: boolean, done: boolean): void;
};

/**
 * Performs what the gesture machine (interaction/pointerGesture.ts) decided, in order, on
 * `target`. Nothing else: no DOM, no state of its own, so a test runs it with a recorder.
 */
export function performGestureEffects(effects: readonly GestureEffect[], target: GestureTarget): void {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'selectNote':
        target.selectNote(effect.noteId);
        break;
      case 'toggleNote':
        target.toggleNote(effect.noteId);
        break;
      case 'clearSelection':
        // A click on the empty board leaves keyboard focus where it is.
        target.clearSelection(false);
        break;
      case 'editNote':
        target.editNote(effect.noteId);
        break;
      case 'beginChange':
        target.beginChange();
        break;
      case 'moveNotes':
        target.moveNotes(effect.moves);
        break;
      case 'dropNotes':
        target.dropNotes(effect.noteIds);
        break;
      case 'selectCluster':
        target.selectCluster(effect.clusterId);
        break;
      case 'moveCluster':
        target.moveClusterTo(effect.clusterId, effect.x, effect.y);
        break;
      case 'resizeCluster':
        target.resizeClusterTo(effect.clusterId, effect.w, effect.h);
        break;
      case 'settleCluster':
        target.settleCluster(effect.clusterId);
        break;
      case 'endChange':
        target.endChange();
        break;
      case 'editClusterTitle':
        target.editClusterTitle(effect.clusterId);
        break;
      case 'marquee':
        target.marquee(effect.rect, effect.additive, effect.done);
        break;
      case 'pan':
        target.panBy(effect.dx, effect.dy);
        break;
    }
  }
}
