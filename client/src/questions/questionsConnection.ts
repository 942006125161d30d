import { isRetryableClose, type QuestionView, questionsDocId, readQuestions, TOKEN_PARAM } from '@samle/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncUrl } from '../sync/boardConnection';
import { createExternalStore, type ExternalStore, sameItems } from '../sync/externalStore';

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
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(window.location), questionsDocId(workshopId), doc, {
    ...(token ? { params: { [TOKEN_PARAM]: token } } : {}),
    disableBc: true,
    shouldReconnect: (event) => isRetryableClose(event.code),
  });
  // Nobody needs to know who is reading the list.
  provider.awareness.setLocalState(null);

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
      provider.destroy();
      doc.destroy();
    },
  };
}
