import type { HistoryPreview } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http';
import { historyErrorCode } from './historyErrors';
import { groupByCluster } from './VersionPreview';

const note = (id: string, clusterId: string | null) => ({
  id,
  text: id,
  x: 0,
  y: 0,
  w: 200,
  h: 160,
  color: 'yellow' as const,
  clusterId,
  deletedSince: false,
});

describe('a version preview', () => {
  it('lists notes under their theme, themes in order, then the notes outside any theme; empty themes are left out', () => {
    const preview: HistoryPreview = {
      snapshot: { id: 's1', takenAt: 0, reason: 'activity', noteCount: 4, writerCount: 1 },
      clusters: [
        { id: 'c1', title: 'Ventetid', color: 'sand' },
        { id: 'c2', title: 'Tom', color: 'sky' },
        { id: 'c3', title: '', color: 'mint' },
      ],
      notes: [note('a', 'c1'), note('b', null), note('c', 'c3'), note('d', 'gone-theme')],
      addedSince: 0,
    };
    expect(groupByCluster(preview).map((g) => [g.title, g.notes.map((n) => n.id)])).toEqual([
      ['Ventetid', ['a']],
      ['', ['c']],
      [null, ['b', 'd']],
    ]);
  });

  it("says the history endpoints' own refusals in their own words, and leaves the rest to the API layer", () => {
    expect(historyErrorCode(new ApiRequestError('NOTE_ON_BOARD', 'x', 409))).toBe('NOTE_ON_BOARD');
    expect(historyErrorCode(new ApiRequestError('BOARD_ARCHIVED', 'x', 409))).toBe('BOARD_ARCHIVED');
    expect(historyErrorCode(new ApiRequestError('NETWORK', 'x', undefined))).toBeNull();
    expect(historyErrorCode(new Error('x'))).toBeNull();
  });
});
