import { addIdea, readIdeas, type Source } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveIdea, setCategory } from './catalogEdits';
import {
  canSplit,
  deletedCounts,
  ideaText,
  movedIndex,
  proposersOf,
  reordered,
  similarGroups,
  similarityKey,
  similarToIdea,
  statusIndex,
  statusOf,
} from './catalogModel';

function source(noteId: string, text: string, authorName: string | null = null): Source {
  return {
    boardId: 'B1',
    boardTitle: 'Bord 1',
    noteId,
    text,
    sessionId: 'S1',
    sessionTitle: 'Medarbejderdag 1',
    groupId: 'G1',
    tableName: 'Bord 1',
    authorName,
    clusterTitle: null,
  };
}

function catalog(...titles: string[]): Y.Doc {
  const doc = new Y.Doc();
  titles.forEach((title, i) => {
    addIdea(doc, { id: `i${i}`, title, createdAt: i, provenance: [source(`n${i}`, title)] });
  });
  return doc;
}

describe('what the list shows per idea', () => {
  it('names each proposer once and leaves anonymous sources out', () => {
    const idea = {
      provenance: [source('a', 'x', 'Ada'), source('b', 'y', null), source('c', 'z', 'ada'), source('d', 'w', 'Bo')],
    };
    expect(proposersOf(idea)).toEqual(['Ada', 'Bo']);
    expect(proposersOf({ provenance: [source('a', 'x', '  ')] })).toEqual([]);
  });

  it('compares ideas by their title and what their sources said', () => {
    expect(ideaText({ title: 'Én indgang', provenance: [source('a', 'Fælles telefon')] })).toBe(
      'Én indgang\nFælles telefon',
    );
    const titles = ['Én indgang for virksomheder', 'Hurtige svar på mails', 'Én fælles indgang for alle virksomheder'];
    const ideas = readIdeas(catalog(...titles));
    const [first, second] = ideas;
    if (!first || !second) throw new Error('ideas expected');
    const similar = similarToIdea(first, ideas);
    expect(similar.map((s) => s.id)).toEqual(['i2']);
    expect(similar[0]?.terms.length).toBeGreaterThan(0);
    expect(similarToIdea(second, ideas)).toEqual([]);
    expect(similarGroups(ideas)).toEqual(
      new Map([
        ['i0', ['i2']],
        ['i2', ['i0']],
      ]),
    );
    // Reordering leaves what similarity depends on alone; typing in a title changes it.
    expect(similarityKey([...ideas].reverse())).toBe(similarityKey(ideas));
    expect(similarityKey([{ ...first, title: 'Én indgang' }, ...ideas.slice(1)])).not.toBe(similarityKey(ideas));
  });

  it('finds the server’s word on a source by idea and note', () => {
    const index = statusIndex([{ ideaId: 'i0', boardId: 'B1', noteId: 'n0', state: 'deleted' }]);
    expect(statusOf(index, 'i0', { boardId: 'B1', noteId: 'n0' })?.state).toBe('deleted');
    expect(statusOf(index, 'i1', { boardId: 'B1', noteId: 'n0' })).toBeUndefined();
    expect(
      deletedCounts([
        { ideaId: 'i0', boardId: 'B1', noteId: 'n0', state: 'deleted' },
        { ideaId: 'i0', boardId: 'B1', noteId: 'n1', state: 'changed', currentText: 'x' },
        { ideaId: 'i1', boardId: 'B1', noteId: 'n2', state: 'deleted' },
        { ideaId: 'i1', boardId: 'B1', noteId: 'n3', state: 'deleted' },
      ]),
    ).toEqual(
      new Map([
        ['i0', 1],
        ['i1', 2],
      ]),
    );
  });

  it('allows a split only when some sources move and some stay', () => {
    expect(canSplit(3, 1)).toBe(true);
    expect(canSplit(3, 0)).toBe(false);
    expect(canSplit(3, 3)).toBe(false);
  });
});

describe('reordering', () => {
  it('moves up and down within the list, not past its ends', () => {
    expect(movedIndex(['a', 'b', 'c'], 'b', -1)).toBe(0);
    expect(movedIndex(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(movedIndex(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(reordered(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(reordered(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
  });

  it('writes only the moved idea into the shared order, so concurrent moves both survive', () => {
    const one = catalog('A', 'B', 'C', 'D');
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const ids = readIdeas(one).map((i) => i.id);
    moveIdea(one, ids, 'i3', 0); // D to the top
    moveIdea(two, ids, 'i1', 2); // B below C
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    expect(readIdeas(one).map((i) => i.title)).toEqual(['D', 'A', 'C', 'B']);
    expect(readIdeas(two).map((i) => i.title)).toEqual(['D', 'A', 'C', 'B']);
  });

  it('sets and clears a category', () => {
    const doc = catalog('A');
    setCategory(doc, 'i0', '  Service  ');
    expect(readIdeas(doc)[0]?.category).toBe('Service');
    setCategory(doc, 'i0', '');
    expect(readIdeas(doc)[0]?.category).toBe('');
  });
});
