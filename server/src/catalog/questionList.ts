import { type QuestionView, questionsDocId, writeQuestions } from '@samle/shared';
import type { CommandLock } from '../cluster/commandLock.js';
import type { QuestionStore } from '../storage/contracts/questionTypes.js';
import type { Relay } from '../sync/Relay.js';

/**
 * Rewrites a workshop's public list of questions (`<workshop>-questions`) from the
 * database: hidden posts left out, anonymous ones without their author. Under the
 * command lock, from the list as last stored: two instances rewriting at once would
 * each keep the other's entries and add their own. The question routes and the
 * catalog's "take into the catalog" both change posts and then call this.
 */
export function publishQuestionList(
  { relay, questions, commands }: { relay: Relay; questions: QuestionStore; commands: CommandLock },
  workshopId: string,
): Promise<void> {
  const docId = questionsDocId(workshopId);
  return commands.run(
    `questions:${workshopId}`,
    () => writeList(relay, questions, workshopId, docId),
    (id) => id === docId,
  );
}

async function writeList(relay: Relay, questions: QuestionStore, workshopId: string, docId: string): Promise<void> {
  const views: QuestionView[] = (await questions.listQuestions(workshopId))
    .filter((q) => q.hiddenAt === null)
    .map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      authorName: q.anonymous ? null : q.authorName,
      createdAt: q.createdAt,
      supports: q.supports,
      status: q.status,
      answer: q.answer,
      answeredBy: q.answeredBy,
      answeredAt: q.answeredAt,
      ideaId: q.ideaId,
    }));
  await relay.command(docId, (doc) => writeQuestions(doc, views));
}
