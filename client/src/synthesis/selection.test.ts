import { describe, expect, it } from 'vitest';
import {
  type BoardLookup,
  gatherSources,
  isPicked,
  keepExisting,
  type Pick,
  removePick,
  selectedNotes,
  selectOnly,
  suggestedTitle,
  togglePick,
} from './selection';

const note = (boardId: string, id: string): Pick => ({ kind: 'note', boardId, id });
const cluster = (boardId: string, id: string): Pick => ({ kind: 'cluster', boardId, id });
const boards: BoardLookup = {
  membersOf: (boardId, clusterId) => (boardId === 't1' && clusterId === 'c1' ? ['n1', 'n2'] : []),
};

describe('the synthesis selection', () => {
  it('a plain click selects one thing; shift/ctrl-click adds and removes', () => {
    let selection = selectOnly(note('t1', 'n1'));
    selection = togglePick(selection, note('t2', 'm1'));
    expect(selection).toEqual([note('t1', 'n1'), note('t2', 'm1')]);
    selection = togglePick(selection, note('t1', 'n1'));
    expect(selection).toEqual([note('t2', 'm1')]);
    expect(isPicked(selection, note('t2', 'm1'))).toBe(true);
    expect(selectOnly(cluster('t1', 'c1'))).toEqual([cluster('t1', 'c1')]);
  });

  it('tells a note from a theme with the same id, and removes one pick from the tray', () => {
    const selection = [note('t1', 'x'), cluster('t1', 'x')];
    expect(removePick(selection, cluster('t1', 'x'))).toEqual([note('t1', 'x')]);
  });

  it('shows the notes of a picked theme as selected, each note once', () => {
    const picked = selectedNotes([cluster('t1', 'c1'), note('t1', 'n2'), note('t2', 'm1')], boards);
    expect([...picked].sort()).toEqual(['t1|n1', 't1|n2', 't2|m1']);
  });

  it('turns the selection into one gather source per board, never sending a note twice', () => {
    const selection = [note('t2', 'm1'), cluster('t1', 'c1'), note('t1', 'n2'), note('t1', 'n3'), note('t2', 'm1')];
    expect(gatherSources(selection, boards)).toEqual([
      { boardId: 't2', noteIds: ['m1'] },
      { boardId: 't1', noteIds: ['n3'], clusterIds: ['c1'] },
    ]);
  });

  it('drops picks whose note was deleted meanwhile, and keeps the same selection when nothing went', () => {
    const selection = [note('t1', 'n1'), note('t1', 'gone')];
    expect(keepExisting(selection, (p) => p.id !== 'gone')).toEqual([note('t1', 'n1')]);
    expect(keepExisting(selection, () => true)).toBe(selection);
  });

  it('prefills the title from the first theme, else the first note, cut at a word', () => {
    expect(suggestedTitle({ clusterTitle: 'Hurtigere svar', noteText: 'Ring tilbage' })).toBe('Hurtigere svar');
    expect(suggestedTitle({ clusterTitle: '  ', noteText: 'Ring  tilbage\ninden for 24 timer' })).toBe(
      'Ring tilbage inden for 24 timer',
    );
    const long =
      'Virksomheder ved ikke hvem de skal ringe til når de har spørgsmål om byggesager og miljøgodkendelser i kommunen';
    const title = suggestedTitle({ noteText: long });
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(suggestedTitle({})).toBe('');
  });
});
