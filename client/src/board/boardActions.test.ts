import { CLUSTER_COLORS, type ClusterView, NOTE_COLORS, NOTE_SIZES, type NoteSize, type NoteView } from '@samle/shared';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { da } from '../i18n/da';
import { en } from '../i18n/en';
import { chordMatches, parseChord } from '../interaction/keyChords';
import { NOTHING, type Selection } from '../interaction/selection';
import { say } from './ActionButton';
import {
  ACTION_ROWS,
  type ActionState,
  type BoardAction,
  type CommandContext,
  isEnabled,
  labelOf,
  type Phrase,
  stateOf,
} from './boardActions';
import type { BoardCommand, KeyTarget } from './boardCommand';
import type { BoardActions } from './boardTypes';
import { runCommand } from './runCommand';
import type { ViewportControls } from './useViewport';

/** Every command a row can give: those of its keys, and for the size buttons (no keys) each size. */
function commandsOf(row: BoardAction): BoardCommand[] {
  if (row.id === 'resizeSelected') {
    return (Object.keys(NOTE_SIZES) as NoteSize[]).map((size) => ({ kind: 'resizeSelected', size }));
  }
  return row.keys.map((b) => b.command);
}

const STATES: ActionState[] = [false, true].flatMap((readOnly) => [
  { hasSelection: false, readOnly, canUndo: true, canRedo: true },
  { hasSelection: true, selectionKind: 'notes', count: 1, readOnly, canUndo: true, canRedo: true },
  { hasSelection: true, selectionKind: 'notes', count: 3, readOnly, canUndo: false, canRedo: false },
  { hasSelection: true, selectionKind: 'cluster', count: 0, readOnly, canUndo: true, canRedo: false },
]);
const TARGETS: KeyTarget[] = ['board', 'control', 'text'];

function keysOf(phrase: Phrase): string[] {
  return [phrase.key, ...Object.values(phrase.values ?? {}).flatMap((v) => (typeof v === 'object' ? keysOf(v) : []))];
}

describe('the board actions table', () => {
  const languages = i18next.createInstance();
  void languages.init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });

  it('names every action in Danish and English, on its own and on every control that shows it', () => {
    let phrases = 0;
    for (const lng of ['da', 'en']) {
      const t = languages.getFixedT(lng) as TFunction;
      for (const row of ACTION_ROWS) {
        expect(languages.exists(row.label, { lng, fallbackLng: false }), `${lng} ${row.label}`).toBe(true);
        for (const command of commandsOf(row)) {
          for (const state of STATES) {
            const phrase = labelOf(command, state);
            for (const key of keysOf(phrase)) {
              expect(languages.exists(key, { lng, fallbackLng: false, count: 2 }), `${lng} ${key}`).toBe(true);
            }
            const text = say(t, phrase);
            expect(text, `${lng} ${row.id}`).not.toMatch(/\{\{|^$/);
            phrases++;
          }
        }
      }
    }
    expect(phrases).toBeGreaterThan(ACTION_ROWS.length * STATES.length);
  });

  it('gives every key press at most one action, wherever focus is and whatever is selected', () => {
    let checked = 0;
    for (const row of ACTION_ROWS) {
      for (const binding of row.keys) {
        const chord = parseChord(binding.chord);
        for (const shiftKey of [false, true]) {
          const press = {
            key: chord.key,
            shiftKey: shiftKey || chord.shift,
            ctrlKey: chord.control,
            metaKey: chord.meta,
            altKey: chord.alt,
          };
          for (const target of TARGETS) {
            for (const state of STATES) {
              const taking = ACTION_ROWS.filter(
                (other) =>
                  (other.keysIn ?? ['board', 'control']).includes(target) &&
                  isEnabled(other, state) &&
                  other.keys.some((b) => chordMatches(parseChord(b.chord), press, 'exact')),
              ).map((other) => other.id);
              expect(taking.length, `${binding.chord} in ${target}, ${JSON.stringify(state)}: ${taking}`).toBeLessThan(
                2,
              );
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('writes each chord once: no two bindings in the table share one', () => {
    const chords = ACTION_ROWS.flatMap((row) => row.keys.map((b) => `${row.id}:${b.chord}`));
    const byChord = new Map<string, string[]>();
    for (const entry of chords) {
      const [id, chord] = entry.split(/:(.*)/s) as [string, string];
      byChord.set(chord, [...(byChord.get(chord) ?? []), id]);
    }
    // Escape and the arrows belong to two rows each, which never act together (the test above).
    const shared = [...byChord].filter(([, ids]) => ids.length > 1).map(([chord, ids]) => `${chord}=${ids.join('+')}`);
    expect(shared.sort()).toEqual([
      'ArrowDown=moveSelected+pan',
      'ArrowLeft=moveSelected+pan',
      'ArrowRight=moveSelected+pan',
      'ArrowUp=moveSelected+pan',
      'Escape=clearSelection+stopEditing',
    ]);
  });
});

const note = (id: string): NoteView => ({
  id,
  text: '',
  x: 0,
  y: 0,
  w: 200,
  h: 160,
  color: 'yellow',
  authorId: undefined,
  authorName: undefined,
  clusterId: undefined,
  createdAt: 0,
});
const theme: ClusterView = { id: 'k', title: '', x: 0, y: 0, w: 500, h: 400, color: 'sand', createdAt: 0 };

function context(selection: Selection, readOnly: boolean, canUndo: boolean, calls: string[]): CommandContext {
  return {
    options: { notes: [note('a'), note('b')], clusters: [theme], readOnly },
    selection,
    editingId: 'a',
    editingClusterId: undefined,
    history: {
      canUndo,
      canRedo: canUndo,
      undo: () => calls.push('history.undo'),
      redo: () => calls.push('history.redo'),
      checkpoint: () => calls.push('history.checkpoint'),
    },
  };
}

/** Every call an action makes on the board or the view, by name. */
function recorder(calls: string[]) {
  const record = (prefix: string) =>
    new Proxy({}, { get: (_t, name) => () => calls.push(`${prefix}${String(name)}`) }) as never;
  return { actions: record('') as BoardActions, view: record('view.') as ViewportControls };
}

describe('running a disabled action', () => {
  it('does nothing: no write on a read-only board, nothing selected to act on, nothing to undo', () => {
    const selections: Selection[] = [NOTHING, { kind: 'notes', ids: ['a'] }, { kind: 'cluster', id: 'k' }];
    let disabled = 0;
    let enabled = 0;
    for (const row of ACTION_ROWS) {
      for (const command of commandsOf(row)) {
        for (const selection of selections) {
          for (const readOnly of [false, true]) {
            for (const canUndo of [false, true]) {
              const calls: string[] = [];
              const now = context(selection, readOnly, canUndo, calls);
              const { actions, view } = recorder(calls);
              runCommand(command, actions, view, now);
              if (isEnabled(row, stateOf(now))) {
                enabled++;
                continue;
              }
              disabled++;
              expect(calls, `${row.id} ${JSON.stringify({ selection, readOnly, canUndo })}`).toEqual([]);
            }
          }
        }
      }
    }
    // Both kinds were seen: the check above ran, and the enabled ones are not all refused.
    expect(disabled).toBeGreaterThan(100);
    expect(enabled).toBeGreaterThan(100);
  });

  it('is disabled on a read-only board exactly when it writes', () => {
    const calls: string[] = [];
    const state = stateOf(context({ kind: 'notes', ids: ['a'] }, true, true, calls));
    for (const row of ACTION_ROWS) {
      if (row.writes) expect(isEnabled(row, state), row.id).toBe(false);
    }
    expect(ACTION_ROWS.filter((row) => row.writes).length).toBeGreaterThan(8);
  });

  it('performs an enabled one: the undo button with something to undo, a colour for the selected theme', () => {
    const calls: string[] = [];
    const { actions, view } = recorder(calls);
    runCommand({ kind: 'undo' }, actions, view, context(NOTHING, false, true, calls));
    runCommand(
      { kind: 'recolorSelected', index: 2 },
      actions,
      view,
      context({ kind: 'cluster', id: 'k' }, false, true, calls),
    );
    expect(calls).toEqual(['history.undo', 'setClusterColor']);
    expect(CLUSTER_COLORS[2]).toBeDefined();
    expect(NOTE_COLORS).toHaveLength(6);
  });
});
