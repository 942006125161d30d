import { clusterMembers, createNote, readClusters, readNotes } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTHING, type Selection } from '../interaction/selection';
import { type ControllerSnapshot, createBoardActions, type PendingField } from './boardController';
import type { BoardControllerOptions } from './boardTypes';
import type { ViewportControls } from './useViewport';

/** The actions on a real Y.Doc, with the local state a plain object instead of React's. */
function board(over: Partial<BoardControllerOptions> = {}) {
  const doc = new Y.Doc();
  const log: { announced: string[]; focused: PendingField[]; checkpoints: number } = {
    announced: [],
    focused: [],
    checkpoints: 0,
  };
  const view = {
    visibleRect: () => ({ x: 0, y: 0, width: 1000, height: 600 }),
  } as unknown as ViewportControls;
  const snapshot: ControllerSnapshot = {
    options: {
      doc,
      notes: [],
      clusters: [],
      identity: { userId: 'u1', name: 'Freja', color: '#123456' },
      anonymous: false,
      canvasRef: { current: null },
      size: { width: 1000, height: 600 },
      labels: {
        created: 'created',
        deleted: (n) => `deleted ${n}`,
        duplicated: (n) => `duplicated ${n}`,
        grouped: (n) => `grouped ${n}`,
        clusterCreated: 'clusterCreated',
        clusterDeleted: 'clusterDeleted',
        tidied: 'tidied',
      },
      readOnly: false,
      history: {
        canUndo: false,
        canRedo: false,
        undo: () => undefined,
        redo: () => undefined,
        checkpoint: () => log.checkpoints++,
      },
      ...over,
    },
    view,
    history: {
      canUndo: false,
      canRedo: false,
      undo: () => undefined,
      redo: () => undefined,
      checkpoint: () => log.checkpoints++,
    },
    selection: NOTHING,
    editingId: undefined,
    editingClusterId: undefined,
  };
  const actions = createBoardActions(doc, {
    now: () => snapshot,
    setSelection: (next: Selection) => {
      snapshot.selection = next;
    },
    setEditingId: (update) => {
      snapshot.editingId = update(snapshot.editingId);
    },
    setEditingClusterId: (update) => {
      snapshot.editingClusterId = update(snapshot.editingClusterId);
    },
    focusField: (field) => log.focused.push(field),
    announce: (text) => log.announced.push(text),
  });
  /** What a render would hand the actions next: the doc's notes and themes. */
  const render = () => {
    snapshot.options = { ...snapshot.options, notes: readNotes(doc), clusters: readClusters(doc) };
  };
  return { doc, actions, snapshot, log, render };
}

describe('the board actions (createBoardActions) on a real doc', () => {
  it('adds a signed note in view, as one undo step, selects it and asks for its text field', () => {
    const { doc, actions, snapshot, log } = board();
    actions.addNote();
    const [note] = readNotes(doc);
    expect(note).toMatchObject({ authorId: 'u1', authorName: 'Freja' });
    expect(note && note.x >= 0 && note.x < 1000 && note.y >= 0 && note.y < 600).toBe(true);
    expect(snapshot.selection).toEqual({ kind: 'notes', ids: [note?.id] });
    expect(log).toMatchObject({ announced: ['created'], focused: [{ kind: 'note', id: note?.id }], checkpoints: 2 });
  });

  it('puts a new note in the drafts doc during private writing, never on the board', () => {
    const drafts = new Y.Doc();
    const { doc, actions } = board({ drafts: { doc: drafts, ids: new Set() } });
    actions.addNote();
    expect(readNotes(doc)).toHaveLength(0);
    expect(readNotes(drafts)).toHaveLength(1);
  });

  it('groups the selected notes into a theme, and deleting the theme keeps them', () => {
    const { doc, actions, snapshot, log, render } = board();
    for (const id of ['a', 'b']) createNote(doc, { id, text: id, x: 0, y: 0, createdAt: 1 });
    render();
    actions.selectNotes(['a', 'b']);
    actions.addCluster();
    const [theme] = readClusters(doc);
    expect(theme && clusterMembers(doc, theme.id).sort()).toEqual(['a', 'b']);
    expect(snapshot.selection).toEqual({ kind: 'cluster', id: theme?.id });
    render();
    actions.deleteSelected();
    expect(readClusters(doc)).toHaveLength(0);
    expect(
      readNotes(doc)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(log.announced).toEqual(['grouped 2', 'clusterDeleted']);
  });

  it('writes nothing on a read-only board, whatever is asked', () => {
    const { doc, actions, render } = board({ readOnly: true });
    createNote(doc, { id: 'a', text: 'a', x: 0, y: 0, createdAt: 1 });
    render();
    let updates = 0;
    doc.on('update', () => updates++);
    actions.selectNotes(['a']);
    actions.addNote();
    actions.setNoteColor('pink');
    actions.resizeSelected('l');
    actions.duplicateSelected();
    actions.moveNotes([{ id: 'a', x: 50, y: 50 }]);
    actions.addCluster();
    actions.deleteSelected();
    expect(updates).toBe(0);
    expect(readNotes(doc)).toHaveLength(1);
  });
});
