import type { AssessmentView, IdeaView, Source } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { panelIdeas, sourcesByBoard } from './panelModel';

const source = (boardId: string, noteId: string, tableName: string | null): Source => ({
  boardId,
  boardTitle: `Tavle ${boardId}`,
  noteId,
  text: noteId,
  sessionId: 's',
  sessionTitle: 'Temadag 1',
  groupId: tableName,
  tableName,
  authorName: 'Ada',
  authorId: 'p1',
  clusterTitle: null,
});

describe('panel model', () => {
  it('pairs ideas with their assessments, keeping catalog order', () => {
    const ideas: IdeaView[] = [
      { id: 'a', title: 'A', category: '', createdAt: 1, provenance: [] },
      { id: 'b', title: 'B', category: '', createdAt: 2, provenance: [] },
    ];
    const assessment: AssessmentView = {
      ideaId: 'b',
      decision: 'council',
      rationale: 'Fordi',
      rank: 1,
      startMonth: null,
      endMonth: null,
      owner: '',
      related: [],
      updatedAt: 5,
      internalNote: '',
      oneOffDkk: null,
      yearlyDkk: null,
      staffHours: null,
      updatedBy: 'Hanne',
    };
    const panel = panelIdeas(ideas, [assessment]);
    expect(panel.map((i) => [i.id, i.assessment?.decision ?? null])).toEqual([
      ['a', null],
      ['b', 'council'],
    ]);
    expect(panel[1]?.assessment).not.toHaveProperty('updatedBy');
  });

  it('groups sources by board in the order they were gathered', () => {
    const groups = sourcesByBoard([
      source('t1', 'n1', 'Bord 1'),
      source('t2', 'n2', 'Bord 2'),
      source('t1', 'n3', 'Bord 1'),
    ]);
    expect(groups.map((g) => [g.boardId, g.tableName, g.notes.map((n) => n.noteId)])).toEqual([
      ['t1', 'Bord 1', ['n1', 'n3']],
      ['t2', 'Bord 2', ['n2']],
    ]);
  });
});
