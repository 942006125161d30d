import type { AnswerQuestionBody, HideQuestionBody, MyQuestions, PostQuestionBody } from '@samle/shared';
import { type Credential, request } from './http';

/** Questions to management (docs/api.md, "Questions to management"). The public list itself comes from a doc. */

const enc = encodeURIComponent;

export const postQuestion = (workshopId: string, body: PostQuestionBody, credential: Credential) =>
  request<{ id: string }>(`/api/workshops/${enc(workshopId)}/questions`, { method: 'POST', body, credential });

export const setQuestionSupport = (questionId: string, supported: boolean, credential: Credential) =>
  request<{ supported: boolean }>(`/api/questions/${enc(questionId)}/support`, {
    method: 'POST',
    body: { supported },
    credential,
  });

export const answerQuestion = (questionId: string, body: AnswerQuestionBody, credential: Credential) =>
  request<{ answered: boolean }>(`/api/questions/${enc(questionId)}/answer`, { method: 'POST', body, credential });

export const hideQuestion = (questionId: string, body: HideQuestionBody, credential: Credential) =>
  request<{ hidden: boolean }>(`/api/questions/${enc(questionId)}/hide`, { method: 'POST', body, credential });

export const getMyQuestions = (workshopId: string, credential: Credential, signal?: AbortSignal) =>
  request<MyQuestions>(`/api/workshops/${enc(workshopId)}/questions/mine`, {
    credential,
    ...(signal ? { signal } : {}),
  });

/** Takes a post into the idea catalog (`ideaId`), or unlinks it (`null`). Leaders and facilitators. */
export const linkQuestionIdea = (questionId: string, ideaId: string | null, credential: Credential) =>
  request<{ ideaId: string | null }>(`/api/questions/${enc(questionId)}/idea`, {
    method: 'POST',
    body: { ideaId },
    credential,
  });
