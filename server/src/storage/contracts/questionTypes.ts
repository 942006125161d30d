import type { QuestionKind, QuestionStatus } from '@samle/shared';

export interface QuestionRecord {
  id: string;
  workshopId: string;
  kind: QuestionKind;
  text: string;
  anonymous: boolean;
  /**
   * Who posted it, as a keyed hash of their person id (HMAC with the server's
   * signing key): the server can tell an author their own posts, but the stored
   * row does not name them. The name is stored only for attributed posts.
   */
  authorKey: string;
  authorName: string | null;
  createdAt: number;
  status: QuestionStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: number | null;
  hiddenReason: string | null;
  hiddenAt: number | null;
  /** The catalog idea this post was taken into, if any. */
  ideaId: string | null;
}

export interface QuestionStore {
  createQuestion(question: QuestionRecord): Promise<void>;
  getQuestion(id: string): Promise<QuestionRecord | null>;
  /** All posts of a workshop with their number of supports, oldest first. */
  listQuestions(workshopId: string): Promise<Array<QuestionRecord & { supports: number }>>;
  /** Adds or removes one person's support; returns whether anything changed. */
  setSupport(questionId: string, personId: string, supported: boolean): Promise<boolean>;
  supportedBy(workshopId: string, personId: string): Promise<string[]>;
  answerQuestion(id: string, answer: string, answeredBy: string, answeredAt: number): Promise<void>;
  hideQuestion(id: string, reason: string, hiddenAt: number): Promise<void>;
  /** Links the post to a catalog idea (status "in catalog"), or unlinks it (back to answered or new). */
  linkIdea(id: string, ideaId: string | null): Promise<void>;
}
