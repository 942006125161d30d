import type { ClusterView, NoteView, Session } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardLayout, synthesisBoards } from './boards';

const board = (id: string, kind: 'plenum' | 'group' | 'leadership', groupId: string | null, title = id) => ({
  id,
  title,
  kind,
  groupId,
  archived: false,
  access: 'write' as const,
});

describe('the boards of a session on the synthesis view', () => {
  it('shows the plenum first, then the tables in table order, archived boards of ended sessions too', () => {
    const session: Pick<Session, 'title' | 'boards' | 'groups'> = {
      title: 'Medarbejderdag 1',
      groups: [
        { id: 'g1', name: 'Bord 1', memberIds: [], boardId: 'b1' },
        { id: 'g2', name: 'Bord 2', memberIds: [], boardId: 'b2' },
      ],
      boards: [
        board('b2', 'group', 'g2'),
        { ...board('old', 'group', null), archived: true },
        board('b1', 'group', 'g1'),
        board('p', 'plenum', null, 'Medarbejderdag 1 — Plenum'),
      ],
    };
    expect(synthesisBoards(session)).toEqual([
      { id: 'p', kind: 'plenum', label: 'Plenum', tableName: null },
      { id: 'b1', kind: 'group', label: 'Bord 1', tableName: 'Bord 1' },
      { id: 'old', kind: 'group', label: 'old', tableName: null },
      { id: 'b2', kind: 'group', label: 'Bord 2', tableName: 'Bord 2' },
    ]);
  });
});

const note = (id: string, x: number, y: number, clusterId?: string): NoteView => ({
  id,
  text: id,
  x,
  y,
  w: 200,
  h: 160,
  color: 'yellow',
  authorId: undefined,
  authorName: undefined,
  clusterId,
  createdAt: 1,
});
const cluster = (id: string, x: number, y: number): ClusterView => ({
  id,
  title: id,
  x,
  y,
  w: 520,
  h: 400,
  color: 'sand',
  createdAt: 1,
});

describe('a mini board', () => {
  it('lists themes with their notes and then the loose notes, in reading order', () => {
    const layout = boardLayout({
      clusters: [cluster('right', 900, 0), cluster('left', 0, 10)],
      notes: [
        note('b', 300, 100, 'left'),
        note('a', 20, 110, 'left'),
        note('loose', 0, 900),
        note('lost', 0, 0, 'gone'),
        note('r', 920, 60, 'right'),
      ],
    });
    expect(layout.themes.map((t) => [t.cluster.id, t.notes.map((n) => n.id)])).toEqual([
      ['left', ['a', 'b']],
      ['right', ['r']],
    ]);
    expect(layout.loose.map((n) => n.id)).toEqual(['lost', 'loose']);
  });
});
