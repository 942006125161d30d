import { type QuestionView, questionsDocId, readQuestions } from '@samle/shared';
import { createExternalStore, type ExternalStore, sameItems } from '../sync/externalStore';
import { openDoc } from '../sync/openDoc';

/** Whether the public list is live: "connecting" until the first sync, "offline" after a drop. */
export type ListLink = 'connecting' | 'live' | 'offline';

/**
 * The workshop's public list of questions (`<workshop>-questions`), synced
 * read-only with a stock provider and the same credentials as a board (a grant
 * token, or the facilitator's cookie). Only the server writes it, after every
 * post, support, answer and hide; nothing here changes the doc.
 */
export interface QuestionsConnection {
  readonly questions: ExternalStore<QuestionView[]>;
  readonly link: ExternalStore<ListLink>;
  destroy(): void;
}

export function openQuestionsConnection(workshopId: string, token: string | undefined): QuestionsConnection {
  // Nobody needs to know who is reading the list.
  const opened = openDoc(questionsDocId(workshopId), { token, presence: false });
  const { doc, provider } = opened;

  let link: ListLink = 'connecting';
  const linkListeners = new Set<() => void>();
  const setLink = (next: ListLink) => {
    if (next === link) return;
    link = next;
    for (const listener of linkListeners) listener();
  };
  const onSync = (synced: boolean) => setLink(synced ? 'live' : link);
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'disconnected' && link === 'live') setLink('offline');
  };
  provider.on('sync', onSync);
  provider.on('status', onStatus);

  const questions = createExternalStore<QuestionView[]>({
    read: () => readQuestions(doc),
    // The server replaces the whole list on each change: compare by content, not identity.
    equals: (a, b) => sameItems(a, b) || JSON.stringify(a) === JSON.stringify(b),
    listen: (changed) => {
      const array = doc.getArray<QuestionView>('questions');
      const onChange = () => changed();
      array.observe(onChange);
      return () => array.unobserve(onChange);
    },
  });

  return {
    questions,
    link: {
      subscribe(onChange) {
        linkListeners.add(onChange);
        return () => linkListeners.delete(onChange);
      },
      getSnapshot: () => link,
    },
    destroy() {
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      opened.destroy();
    },
  };
}
