import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { syncToken } from '../api/credentials';
import { apiErrorMessage } from '../api/errorMessage';
import { BoardProblem } from '../board/BoardProblem';
import { useBoardSummary } from '../board/useBoardSummary';
import { NO_VOTES } from '../facilitation/myVotes';
import { useTimerFace } from '../facilitation/useTimerFace';
import { type Voting, VotingContext } from '../facilitation/useVoting';
import { useBoardMeta, useClusters, useNotes } from '../sync/useBoardDoc';
import { useControlConnection, useFollow, usePrivateWriting, useTimer, useVote } from '../sync/useControlDoc';
import { useDocConnection } from '../sync/useDocConnection';
import { useElementSize } from '../ui/useElementSize';
import { ScreenBoard } from './ScreenBoard';
import { ScreenResults } from './ScreenResults';
import { screenView } from './screenView';
import { useGlidingViewport } from './useGlidingViewport';

const noop = () => undefined;

/**
 * `/b/:boardId/screen`: the board on the room's big screen. Read-only, no
 * chrome, large type. It always shows what the facilitator shows (their view,
 * or the spotlighted theme alone), the timer in big digits, and the results of
 * a closed vote. It announces no presence and keeps no local copy.
 */
export function BigScreenPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const summary = useBoardSummary(boardId);
  const ready = summary.state.status === 'ready' ? summary.state : undefined;
  const token = ready ? syncToken(ready.credential) : undefined;
  const connection = useDocConnection(boardId, {
    enabled: ready !== undefined,
    token,
    persist: false,
    presence: false,
  });
  const controlDoc = useControlConnection(boardId, { enabled: ready !== undefined, token });

  if (summary.state.status === 'notFound') {
    return <BoardProblem title={t('board.notFoundTitle')} text={t('board.notFoundText')} />;
  }
  if (summary.state.status === 'error') {
    return <BoardProblem title={t('board.loadErrorTitle')} text={apiErrorMessage(t, summary.state.error)} />;
  }
  if (!connection) {
    return (
      <div className="big-screen" data-testid="big-screen">
        <p className="big-screen-waiting" role="status">
          {t('bigScreen.waiting')}
        </p>
      </div>
    );
  }
  return (
    <BigScreen
      doc={connection.doc}
      controlDoc={controlDoc}
      fallbackTitle={ready?.board.title ?? ''}
      anonymous={ready?.board.anonymous ?? true}
    />
  );
}

function BigScreen(props: { doc: Y.Doc; controlDoc: Y.Doc | undefined; fallbackTitle: string; anonymous: boolean }) {
  const { doc, controlDoc, fallbackTitle } = props;
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const notes = useNotes(doc);
  const clusters = useClusters(doc);
  const meta = useBoardMeta(doc);
  const follow = useFollow(controlDoc);
  const timer = useTimerFace(useTimer(controlDoc));
  const vote = useVote(controlDoc);
  const privateWriting = usePrivateWriting(controlDoc);
  const view = screenView({ follow, notes, clusters, size });
  const viewport = useGlidingViewport(view.viewport);
  const title = meta.title || fallbackTitle;

  useEffect(() => {
    document.title = t('bigScreen.title', { title });
  }, [t, title]);

  // Notes show a closed vote's totals through the same context as on the board; nobody votes here.
  const voting = useMemo<Voting>(
    () => ({ vote, canVote: false, mine: NO_VOTES, cast: noop, dismissRefusal: noop }),
    [vote],
  );
  const heading = view.spotlight
    ? t('bigScreen.spotlight', { title: view.spotlight.title.trim() || t('cluster.untitled') })
    : title;

  return (
    <VotingContext value={voting}>
      <div
        className="big-screen"
        data-testid="big-screen"
        data-spotlight={view.spotlight?.id}
        data-following={follow.on || undefined}
      >
        <div className="big-screen-canvas" ref={ref}>
          <ScreenBoard
            doc={doc}
            notes={view.notes}
            clusters={view.clusters}
            allNotes={notes}
            viewport={viewport}
            // The server's record (at load) or the server-written meta (a live change): either hides authors.
            hideAuthors={props.anonymous || meta.anonymous}
          />
          {notes.length === 0 && clusters.length === 0 && <p className="big-screen-waiting">{t('bigScreen.empty')}</p>}
        </div>
        <header className="big-screen-top">
          <h1 className="big-screen-title">{heading}</h1>
          {timer && (
            <span
              className="big-screen-timer"
              role="timer"
              data-testid="big-screen-timer"
              data-state={timer.phase}
              aria-label={
                timer.phase === 'done' ? t('bigScreen.timerDone') : t('bigScreen.timerLabel', { time: timer.text })
              }
            >
              {timer.text}
            </span>
          )}
        </header>
        {privateWriting.on && <p className="big-screen-notice">{t('bigScreen.privateWriting')}</p>}
        {vote?.status === 'closed' && vote.results && <ScreenResults notes={notes} results={vote.results} />}
      </div>
    </VotingContext>
  );
}
