import type { MyQuestions, QuestionView } from '@samle/shared';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { getMyQuestions } from '../api/questionsApi';
import { listVersion } from './myPosts';
import { type ListLink, openQuestionsConnection, type QuestionsConnection } from './questionsConnection';

const NO_QUESTIONS: QuestionView[] = [];
const idle = { subscribe: () => () => {}, getSnapshot: () => NO_QUESTIONS };
const idleLink = { subscribe: () => () => {}, getSnapshot: (): ListLink => 'connecting' };

/** The live public list of the workshop's questions, and whether it is connected. */
export function useQuestionList(
  workshopId: string,
  credential: Credential,
): { questions: QuestionView[]; link: ListLink } {
  const [connection, setConnection] = useState<QuestionsConnection>();
  const token = syncToken(credential);
  useEffect(() => {
    const opened = openQuestionsConnection(workshopId, token);
    setConnection(opened);
    return () => opened.destroy();
  }, [workshopId, token]);
  const questions = useSyncExternalStore(
    (connection?.questions ?? idle).subscribe,
    (connection?.questions ?? idle).getSnapshot,
  );
  const link = useSyncExternalStore(
    (connection?.link ?? idleLink).subscribe,
    (connection?.link ?? idleLink).getSnapshot,
  );
  return { questions, link };
}

/**
 * The caller's own posts (hidden ones with the reason) and supports. Asked
 * again whenever the public list changes in a way that could concern them (an
 * answer, a post appearing or disappearing), and after their own actions.
 */
export function useMyQuestions(
  workshopId: string,
  credential: Credential,
  list: readonly QuestionView[],
): { mine: MyQuestions | undefined; error: unknown; reload: () => Promise<void> } {
  const [mine, setMine] = useState<MyQuestions>();
  const [error, setError] = useState<unknown>();
  const live = useRef(true);
  const reload = useCallback(async () => {
    try {
      const answer = await getMyQuestions(workshopId, credential);
      if (!live.current) return;
      setMine(answer);
      setError(undefined);
    } catch (failure) {
      if (live.current) setError(failure);
    }
  }, [workshopId, credential]);

  const version = listVersion(list);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the trigger: the list changed.
  useEffect(() => {
    void reload();
  }, [reload, version]);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  return { mine, error, reload };
}
