import type { ClusterView, NoteView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { NOTHING, type Selection } from '../interaction/selection';
import { actionOf, BOARD_ACTIONS, hintOf, isEnabled, labelOf, stateOf } from './boardActions';
import { WRITING } from './boardKeys';
import { type CommandContext, runCommand } from './runCommand';
import type { BoardActions } from './useBoardController';
import type { ViewportControls } from './useViewport';

const note = (id: string, x: number, y: number): NoteView => ({
  id,
  text: '',
  x,
  y,
  w: 200,
  h: 160,
  color: 'yellow',
  authorId: undefined,
  authorName: undefined,
  clusterId: undefined,
  createdAt: 0,
});
const theme: ClusterView = { id: 'k', title: '', x: 100, y: 100, w: 500, h: 400, color: 'sand', createdAt: 0 };

/** Records which actions a command called, with their arguments. */
function recorder() {
  const calls: [string, unknown[]][] = [];
  const actions = new Proxy({} as BoardActions, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        calls.push([String(name), args]),
  });
  const view = new Proxy({} as ViewportControls, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        calls.push([`view.${String(name)}`, args]),
  });
  return { calls, actions, view };
}

function context(selection: Selection): CommandContext {
  return {
    options: { notes: [note('a', 0, 0), note('b', 300, 0), note('c', 600, 0)], clusters: [theme] },
    selection,
    editingId: undefined,
    editingClusterId: undefined,
    history: {
      canUndo: true,
      canRedo: false,
      undo: () => undefined,
      redo: () => undefined,
      checkpoint: () => undefined,
    },
  };
}

describe('board commands', () => {
  it('moves every selected note by the arrow step, then lets them join the theme they land in', () => {
    const { calls, actions, view } = recorder();
    runCommand({ kind: 'moveSelected', dx: 8, dy: 0 }, actions, view, context({ kind: 'notes', ids: ['a', 'c'] }));
    expect(calls).toEqual([
      [
        'moveNotes',
        [
          [
            { id: 'a', x: 8, y: 0 },
            { id: 'c', x: 608, y: 0 },
          ],
        ],
      ],
      ['dropNotes', [['a', 'c']]],
    ]);
  });

  it('moves a selected theme (with its notes) by the arrow step', () => {
    const { calls, actions, view } = recorder();
    runCommand({ kind: 'moveSelected', dx: 0, dy: -40 }, actions, view, context({ kind: 'cluster', id: 'k' }));
    expect(calls).toEqual([['moveClusterTo', ['k', 100, 60]]]);
  });

  it('picks from the note palette for notes and the theme palette for a theme', () => {
    const notes = recorder();
    runCommand(
      { kind: 'recolorSelected', index: 1 },
      notes.actions,
      notes.view,
      context({ kind: 'notes', ids: ['a'] }),
    );
    expect(notes.calls).toEqual([['setNoteColor', ['pink']]]);
    const themes = recorder();
    runCommand(
      { kind: 'recolorSelected', index: 1 },
      themes.actions,
      themes.view,
      context({ kind: 'cluster', id: 'k' }),
    );
    expect(themes.calls).toEqual([['setClusterColor', ['sky']]]);
  });

  it('edits a single note or renames a theme with Enter, but does nothing for several notes', () => {
    const one = recorder();
    runCommand({ kind: 'editSelected' }, one.actions, one.view, context({ kind: 'notes', ids: ['a'] }));
    expect(one.calls).toEqual([['editNote', ['a']]]);
    const many = recorder();
    runCommand({ kind: 'editSelected' }, many.actions, many.view, context({ kind: 'notes', ids: ['a', 'b'] }));
    expect(many.calls).toEqual([]);
    const themeRename = recorder();
    runCommand({ kind: 'editSelected' }, themeRename.actions, themeRename.view, context({ kind: 'cluster', id: 'k' }));
    expect(themeRename.calls).toEqual([['editClusterTitle', ['k']]]);
  });

  it('selects every note with select-all', () => {
    const { calls, actions, view } = recorder();
    runCommand({ kind: 'selectAll' }, actions, view, context(NOTHING));
    expect(calls).toEqual([['selectNotes', [['a', 'b', 'c']]]]);
  });

  it('fits the view to notes and themes together', () => {
    const { calls, actions, view } = recorder();
    runCommand({ kind: 'fit' }, actions, view, context(NOTHING));
    expect(calls[0]?.[0]).toBe('view.fit');
    expect(calls[0]?.[1][0]).toHaveLength(4);
  });
});

describe('the board actions table', () => {
  it('has a row for every command, and the commands that write are the ones a read-only board drops', () => {
    const rows = Object.values(BOARD_ACTIONS);
    expect(rows.every((row) => BOARD_ACTIONS[row.id] === row)).toBe(true);
    expect(new Set(rows.filter((row) => row.writes).map((row) => row.id))).toEqual(WRITING);
  });
});

describe('the spotlight row', () => {
  const shown: (string | null)[] = [];
  const spotlight = (clusterId: string | null) => ({ clusterId, show: (id: string | null) => void shown.push(id) });
  const withSpotlight = (selection: Selection, clusterId: string | null): CommandContext => {
    const now = context(selection);
    return { ...now, options: { ...now.options, spotlight: spotlight(clusterId) } };
  };

  it('puts the selected theme in the spotlight, and ends it when that theme is already there', () => {
    shown.length = 0;
    const { actions, view } = recorder();
    runCommand({ kind: 'spotlightSelected' }, actions, view, withSpotlight({ kind: 'cluster', id: 'k' }, null));
    runCommand({ kind: 'spotlightSelected' }, actions, view, withSpotlight({ kind: 'cluster', id: 'k' }, 'k'));
    runCommand({ kind: 'spotlightSelected' }, actions, view, withSpotlight({ kind: 'cluster', id: 'k' }, 'other'));
    expect(shown).toEqual(['k', null, 'k']);
  });

  it('is offered only to the facilitator with a theme selected; its name and tooltip say what a press does', () => {
    shown.length = 0;
    const { actions, view } = recorder();
    // Not the facilitator (no spotlight), or notes selected: nothing happens, and the state says so.
    runCommand({ kind: 'spotlightSelected' }, actions, view, context({ kind: 'cluster', id: 'k' }));
    runCommand({ kind: 'spotlightSelected' }, actions, view, withSpotlight({ kind: 'notes', ids: ['a'] }, null));
    expect(shown).toEqual([]);
    expect(stateOf(context({ kind: 'cluster', id: 'k' })).spotlight).toBeUndefined();
    const off = stateOf(withSpotlight({ kind: 'cluster', id: 'k' }, null));
    const on = stateOf(withSpotlight({ kind: 'cluster', id: 'k' }, 'k'));
    expect([off.spotlight, on.spotlight]).toEqual(['off', 'on']);
    expect(isEnabled(actionOf({ kind: 'spotlightSelected' }), off)).toBe(true);
    expect(labelOf({ kind: 'spotlightSelected' }, off).key).toBe('follow.spotlight');
    expect(labelOf({ kind: 'spotlightSelected' }, on).key).toBe('follow.endSpotlight');
    expect(hintOf({ kind: 'spotlightSelected' }, off)?.key).toBe('follow.spotlightHint');
  });
});
