import type { MyQuestions, QuestionView } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { listVersion, myPostIds, myPosts } from './myPosts';

const post = (id: string, over: Partial<MyQuestions['posts'][number]> = {}): MyQuestions['posts'][number] => ({
  id,
  kind: 'question',
  text: `text ${id}`,
  anonymous: false,
  status: 'new',
  hiddenReason: null,
  ...over,
});

const view = (id: string, over: Partial<QuestionView> = {}): QuestionView => ({
  id,
  kind: 'question',
  text: `text ${id}`,
  authorName: null,
  ideaId: null,
  createdAt: 1,
  supports: 0,
  status: 'new',
  answer: null,
  answeredBy: null,
  answeredAt: null,
  ...over,
});

describe('my posts', () => {
  it('shows my newest post first, with the answer management gave it in the public list', () => {
    const posts = myPosts(
      [post('a'), post('b')],
      [view('b', { status: 'answered', answer: 'Ja', answeredBy: 'Dorthe', answeredAt: 5 }), view('a')],
    );
    expect(posts.map((p) => p.id)).toEqual(['b', 'a']);
    expect(posts[0]).toMatchObject({ status: 'answered', answer: 'Ja', answeredBy: 'Dorthe', hidden: false });
  });

  it("keeps a hidden post, which is no longer public, with the facilitator's reason", () => {
    const [hidden] = myPosts([post('h', { hiddenReason: 'Omformulér gerne' })], []);
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Omformulér gerne', answer: null });
  });

  it('marks which public posts are mine', () => {
    expect([...myPostIds({ posts: [post('a')], supported: ['x'] })]).toEqual(['a']);
    expect(myPostIds(undefined).size).toBe(0);
  });

  it('notices when a post is answered or removed, but not when only its support count changes', () => {
    const before = listVersion([view('a'), view('b')]);
    expect(listVersion([view('a', { supports: 3 }), view('b')])).toBe(before);
    expect(listVersion([view('a', { status: 'answered', answeredAt: 9 }), view('b')])).not.toBe(before);
    expect(listVersion([view('a')])).not.toBe(before);
  });
});
