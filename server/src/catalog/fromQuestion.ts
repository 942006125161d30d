import { addIdea, catalogDocId, type IdeaFromQuestionBody, titleFromQuestion } from '@samle/shared';
import { ApiFailure } from '../errors.js';
import { newId } from '../ids.js';
import type { CatalogContext } from './context.js';
import { publishQuestionList } from './questionList.js';

/**
 * "Take into the catalog" from a question or proposal: a new idea whose source is
 * the question (recorded on the idea, `fromQuestion`, a key only the server
 * writes), and the question linked to it (status "in catalog") for everyone to see.
 */
export async function ideaFromQuestion(
  context: CatalogContext,
  workshopId: string,
  body: IdeaFromQuestionBody,
): Promise<{ ideaId: string; sources: number }> {
  const { relay, questions } = context;
  const question = await questions.getQuestion(body.questionId);
  if (!question || question.workshopId !== workshopId || question.hiddenAt !== null) {
    throw new ApiFailure(404, 'QUESTION_NOT_FOUND', 'There is no such question.');
  }
  if (question.ideaId !== null) {
    throw new ApiFailure(409, 'QUESTION_IN_CATALOG', 'This question is already linked to an idea in the catalog.');
  }
  const ideaId = newId();
  const title = body.title?.trim() || titleFromQuestion(question.text);
  await relay.command(catalogDocId(workshopId), (doc) =>
    addIdea(doc, { id: ideaId, title, createdAt: Date.now(), provenance: [], fromQuestion: question.id }),
  );
  await questions.linkIdea(question.id, ideaId);
  await publishQuestionList(context, workshopId);
  return { ideaId, sources: 0 };
}
