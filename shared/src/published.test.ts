import { describe, expect, it } from 'vitest';
import { type PublishedIdea, publishChanges } from './published.js';

const idea = (id: string, patch: Partial<PublishedIdea> = {}): PublishedIdea => ({
  id,
  title: `Idé ${id}`,
  category: '',
  description: '',
  provenance: [],
  questions: [],
  assessment: null,
  ...patch,
});

describe('what publishing would change', () => {
  it('lists added, removed and changed ideas with the parts participants would see changed', () => {
    const published = { publishedAt: 1, publishedBy: 'Freja', ideas: [idea('a'), idea('b'), idea('c')] };
    const assessment = {
      decision: 'council' as const,
      rationale: 'Fordi',
      rank: 1,
      startMonth: null,
      endMonth: null,
      owner: '',
      related: [],
      updatedAt: 2,
    };
    const now = [idea('a', { description: 'Ny tekst', assessment }), idea('c'), idea('d')];
    expect(publishChanges(now, published)).toEqual([
      { ideaId: 'a', title: 'Idé a', change: 'changed', fields: ['description', 'decision', 'rationale', 'rank'] },
      { ideaId: 'd', title: 'Idé d', change: 'added', fields: [] },
      { ideaId: 'b', title: 'Idé b', change: 'removed', fields: [] },
    ]);
    expect(publishChanges([idea('a')], null)).toEqual([{ ideaId: 'a', title: 'Idé a', change: 'added', fields: [] }]);
  });
});
