import type { MyQuestions, QuestionView } from '@samle/shared';

export type MyPost = MyQuestions['posts'][number] & {
  /** From the public list: the answer and who gave it (null while unanswered, or when the post is hidden). */
  answer: string | null;
  answeredBy: string | null;
  hidden: boolean;
};

/**
 * The caller's own posts, newest first, with what the public list says about
 * them (the answer). A hidden post is not in the public list; it keeps its
 * facilitator's reason from `questions/mine`.
 */
export function myPosts(mine: MyQuestions['posts'], list: readonly QuestionView[]): MyPost[] {
  const byId = new Map(list.map((question) => [question.id, question]));
  return [...mine].reverse().map((post) => {
    const shown = byId.get(post.id);
    return {
      ...post,
      status: shown?.status ?? post.status,
      answer: shown?.answer ?? null,
      answeredBy: shown?.answeredBy ?? null,
      hidden: post.hiddenReason !== null,
    };
  });
}

/** The ids of the caller's posts, to mark them "yours" in the public list. */
export function myPostIds(mine: MyQuestions | undefined): ReadonlySet<string> {
  return new Set(mine?.posts.map((post) => post.id) ?? []);
}

/** A public list's fingerprint that changes when anything a person's own posts show could have changed. */
export function listVersion(list: readonly QuestionView[]): string {
  return list.map((q) => `${q.id}:${q.status}:${q.answeredAt ?? ''}`).join('|');
}
