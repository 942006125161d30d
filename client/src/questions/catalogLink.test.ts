import { describe, expect, it } from 'vitest';
import { catalogBadge, ideaChoices, keepChoice, sameIdeas } from './catalogLink';

const ideas = [
  { id: 'i1', title: 'Local business meetings' },
  { id: 'i2', title: '  ' },
  { id: 'i3', title: 'Shared car pool' },
];

describe('the catalog badge on a post', () => {
  it('shows nothing for a post not in the catalog', () => {
    expect(catalogBadge(null, ideas)).toEqual({ kind: 'none' });
  });

  it('names the idea when the reader can read the catalog and knows it', () => {
    expect(catalogBadge('i3', ideas)).toEqual({ kind: 'titled', title: 'Shared car pool' });
  });

  it('says only "in the catalog" to someone who cannot read the catalog', () => {
    expect(catalogBadge('i3', null)).toEqual({ kind: 'untitled' });
  });

  it('says only "in the catalog" for an unknown or untitled idea', () => {
    expect(catalogBadge('gone', ideas)).toEqual({ kind: 'untitled' });
    expect(catalogBadge('i2', ideas)).toEqual({ kind: 'untitled' });
  });
});

describe('the ideas offered in the select', () => {
  it('leaves out the idea the post is already linked to and names untitled ones', () => {
    expect(ideaChoices(ideas, 'i1', 'Untitled idea')).toEqual([
      { id: 'i2', title: 'Untitled idea' },
      { id: 'i3', title: 'Shared car pool' },
    ]);
  });

  it('offers every idea to a post that is not linked', () => {
    expect(ideaChoices(ideas, null, '?').map((idea) => idea.id)).toEqual(['i1', 'i2', 'i3']);
  });

  it('keeps a choice that is still offered, else falls back to the first, else to nothing', () => {
    expect(keepChoice('i3', ideas)).toBe('i3');
    expect(keepChoice('gone', ideas)).toBe('i1');
    expect(keepChoice('i1', [])).toBe('');
  });
});

describe('comparing catalog snapshots', () => {
  it('treats the same ids and titles as unchanged', () => {
    expect(
      sameIdeas(
        ideas,
        ideas.map((idea) => ({ ...idea })),
      ),
    ).toBe(true);
    expect(sameIdeas(null, null)).toBe(true);
  });

  it('notices a rename, a new idea or a catalog that became readable', () => {
    const renamed = ideas.map((idea) => (idea.id === 'i1' ? { ...idea, title: 'Business breakfasts' } : idea));
    expect(sameIdeas(ideas, renamed)).toBe(false);
    expect(sameIdeas(ideas, ideas.slice(1))).toBe(false);
    expect(sameIdeas(null, ideas)).toBe(false);
  });
});
