import { type BoardView, CloseCode, type Viewport as SharedViewport } from '@samle/shared';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { meStore } from '../account/meStore';
import { syncToken } from '../api/credentials';
import { apiErrorMessage } from '../api/errorMessage';
import { grants } from '../api/grants';
import type { Credential } from '../api/http';
import { FacilitationHeader } from '../facilitation/FacilitationHeader';
import { FollowBadge } from '../facilitation/FollowBadge';
import { LiveTools } from '../facilitation/LiveTools';
import { useFacilitatorCommands } from '../facilitation/useFacilitatorCommands';
import { useFollowing } from '../facilitation/useFollowMode';
import { useIsFacilitator, useMyVoting, VotingContext } from '../facilitation/useVoting';
import { VoteBar } from '../facilitation/VoteBar';
import { AvatarList } from '../presence/AvatarList';
import { identityStore } from '../presence/identity';
import { NamePrompt } from '../presence/NamePrompt';
import { usePeers } from '../presence/usePeers';
import { PrivateWritingBanner } from '../privateWriting/PrivateWritingBanner';
import { useDraftOwner, useDraftsConnection } from '../privateWriting/useDrafts';
import { handleLinkClick, navigate, useSearch } from '../routing/navigation';
import { boardPath, boardViewFromSearch, noteFromSearch, sortByVotesFromSearch, workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { BoardTitle } from '../shell/BoardTitle';
import type { DocConnection } from '../sync/docConnection';
import { canShowBoard } from '../sync/showBoard';
import { useBoardMeta } from '../sync/useBoardDoc';
import { useControlConnection, useFollow, usePrivateWriting, useTimer, useVote } from '../sync/useControlDoc';
import { useConnectionState, useDocConnection, useLocalSync } from '../sync/useDocConnection';
import { Icon } from '../ui/Icon';
import { useSmallScreen } from '../ui/useSmallScreen';
import { BoardListView } from './BoardListView';
import { BoardProblem } from './BoardProblem';
import { BoardWorkspace } from './BoardWorkspace';
import { ConnectionBanner } from './ConnectionBanner';
import { ConnectionStatus } from './ConnectionStatus';
import { NoteGoneBanner } from './NoteGoneBanner';
import { forgetSummary } from './summaryCache';
import { useBoardHistory } from './useBoardHistory';
import { useBoardSummary } from './useBoardSummary';
import { useNoteAuthorIdentity } from './useNoteAuthorIdentity';
import { useNoteTarget } from './useNoteTarget';
import { ViewSwitch } from './ViewSwitch';
import { BoardWriteView } from './write/BoardWriteView';

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const summary = useBoardSummary(boardId);
  const [generation, setGeneration] = useState(0);
  const ready = summary.state.status === 'ready' ? summary.state : undefined;
  const connection = useDocConnection(boardId, {
    enabled: ready !== undefined,
    token: ready ? syncToken(ready.credential) : undefined,
    generation,
  });
  // The timer and vote round: read-only, and kept across a 4403 reconnect of the board doc.
  const controlDoc = useControlConnection(boardId, {
    enabled: ready !== undefined,
    token: ready ? syncToken(ready.credential) : undefined,
  });

  const title = ready?.board.title;
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [title, t]);

  if (summary.state.status === 'notFound') {
    return <BoardProblem title={t('board.notFoundTitle')} text={t('board.notFoundText')} />;
  }
  if (summary.state.status === 'error') {
    return <BoardProblem title={t('board.loadErrorTitle')} text={apiErrorMessage(t, summary.state.error)} />;
  }
  if (!ready || !connection) {
    return (
      <div className="page">
        <AppHeader />
        <div className="stack canvas-overlay" role="status" data-testid="board-loading">
          <span className="spinner" aria-hidden="true" />
          {t('board.loading')}
        </div>
      </div>
    );
  }
  return (
    <ConnectedBoard
      connection={connection}
      controlDoc={controlDoc}
      board={ready.board}
      credential={ready.credential}
      onAccessChanged={summary.reload}
      onWriteRefused={() => {
        // The refused change lives in this doc; a fresh doc and connection start clean, read-only.
        summary.reload();
        setGeneration((n) => n + 1);
      }}
    />
  );
}

function ConnectedBoard(props: {
  connection: DocConnection;
  controlDoc: Y.Doc | undefined;
  board: BoardView;
  credential: Credential;
  onAccessChanged: () => void;
  onWriteRefused: () => void;
}) {
  const { connection, controlDoc, board, credential, onAccessChanged, onWriteRefused } = props;
  const { t } = useTranslation();
  const identity = useNoteAuthorIdentity(credential);
  const state = useConnectionState(connection);
  const meta = useBoardMeta(connection.doc);
  // The server's record (as the page loaded) or the server-written meta (a live change): either hides authors.
  const anonymous = board.anonymous || meta.anonymous;
  const peers = usePeers(connection.provider.awareness);
  const [editingName, setEditingName] = useState(false);
  const [everSynced, setEverSynced] = useState(false);
  if (state.kind === 'connected' && !everSynced) setEverSynced(true);
  const readOnly = board.access === 'read';
  const history = useBoardHistory(connection.doc, readOnly);
  const search = useSearch();
  const smallScreen = useSmallScreen();
  const view = boardViewFromSearch(search, smallScreen);
  const sortByVotes = sortByVotesFromSearch(search);
  // A link to one note (from the catalog's provenance): centre and highlight it, or say it is gone.
  const linkedNote = noteFromSearch(search);
  const noteTarget = useNoteTarget(connection.doc, linkedNote, everSynced);
  const timer = useTimer(controlDoc);
  const vote = useVote(controlDoc);
  const voting = useMyVoting(board, credential, vote);
  const facilitator = useIsFacilitator(board, credential);
  const facilitatorCommands = useFacilitatorCommands(board.id);
  const commands = facilitator ? facilitatorCommands : undefined;
  const workshopId = board.workshopId ?? (credential.kind === 'grant' ? credential.workshopId : undefined);
  const local = useLocalSync(connection);

  // Private writing: new notes go to this person's own drafts doc until the reveal.
  const privateWriting = usePrivateWriting(controlDoc);
  const draftOwner = useDraftOwner(credential);
  const drafts = useDraftsConnection(board.id, {
    enabled: privateWriting.on && !readOnly,
    token: syncToken(credential),
    ownerId: draftOwner,
  });
  const draftsState = useDraftsProblem(drafts);

  // Follow mode: the facilitator leads, everyone else follows unless they stop.
  const follow = useFollow(controlDoc);
  const followMode = useFollowing(follow, facilitator);
  const leaderView = useRef<SharedViewport | null>(null);

  // People who joined or signed in already told us their name.
  useKnownName(identity.name, credential);

  const closeCode =
    state.kind === 'error' ? state.code : state.kind === 'reconnecting' ? state.lastCloseCode : undefined;
  const reacted = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (closeCode === reacted.current) return;
    reacted.current = closeCode;
    if (closeCode === CloseCode.ReadOnly) onWriteRefused();
    else if (closeCode === CloseCode.AccessChanged) onAccessChanged();
    else if (closeCode === CloseCode.AccessRevoked) {
      // Nothing of a withdrawn board stays on this device (its local copy is wiped by the connection).
      forgetSummary(localStorage, board.id);
      if (credential.kind === 'grant') grants().remove(credential.workshopId);
    }
  }, [closeCode, credential, onAccessChanged, onWriteRefused, board.id]);

  if (closeCode === CloseCode.AccessRevoked) {
    return <BoardProblem title={t('board.revokedTitle')} text={t('board.revokedText')} />;
  }

  const title = meta.title || board.title || (everSynced ? t('board.untitled') : '…');
  const askName = identity.name === undefined || editingName;

  return (
    <div className="page page-board" data-access={board.access} data-facilitator={facilitator || undefined}>
      <AppHeader
        nameShown
        center={
          <div className="board-heading">
            {workshopId && (
              <a
                className="icon-button back-link"
                href={workshopPath(workshopId)}
                aria-label={t('board.backToWorkshop')}
                title={t('board.backToWorkshop')}
                data-testid="back-to-workshop"
                onClick={(event) => handleLinkClick(event, workshopPath(workshopId))}
              >
                <Icon name="arrow" />
              </a>
            )}
            <BoardTitle title={title} />
            {readOnly && (
              <span className="badge badge-readonly" data-testid="read-only-badge" title={t('board.readOnlyHint')}>
                {t('board.readOnly')}
              </span>
            )}
            <ConnectionStatus state={state} local={local} />
            <ViewSwitch boardId={board.id} view={view} />
            <FacilitationHeader timer={timer} vote={vote} commands={commands} />
          </div>
        }
        end={
          <>
            <AvatarList me={identity} peers={peers} />
            <button
              type="button"
              className="button button-ghost name-button"
              data-testid="edit-name"
              title={t('presence.editName', { name: identity.name ?? '' })}
              onClick={() => setEditingName(true)}
            >
              <Icon name="user" />
              {/* The visible name first, then what the button does (WCAG 2.5.3); the name folds away on small screens. */}
              <span className="name-button-text">{identity.name}</span>
              <span className="sr-only"> – {t('presence.editNameAction')}</span>
            </button>
          </>
        }
      />
      <ConnectionBanner state={state} local={local} onRetry={connection.retry} />
      {noteTarget === 'deleted' && <NoteGoneBanner />}
      {privateWriting.on && (
        <PrivateWritingBanner
          role={readOnly ? 'reader' : facilitator ? 'facilitator' : 'writer'}
          draftsProblem={draftsState}
        />
      )}
      <VotingContext value={voting}>
        <VoteBar
          doc={connection.doc}
          commands={commands}
          showResults={view !== 'list'}
          onShowRanking={() => navigate(boardPath(board.id, 'list', { byVotes: true }))}
        />
        <main id="main" className={view === 'canvas' ? 'board-main' : 'board-main board-main-list'}>
          {commands && (
            <LiveTools
              boardId={board.id}
              privateWriting={privateWriting}
              follow={follow}
              commands={commands}
              viewport={leaderView}
              anonymous={meta.anonymous}
            />
          )}
          {followMode.available && view === 'canvas' && (
            <FollowBadge following={followMode.following} onStop={followMode.stop} onResume={followMode.resume} />
          )}
          {view === 'write' ? (
            <BoardWriteView
              boardId={board.id}
              doc={connection.doc}
              drafts={drafts?.doc}
              holdNewNotes={privateWriting.on && !readOnly && !drafts}
              identity={identity}
              readOnly={readOnly}
              anonymous={meta.anonymous}
              history={history}
            />
          ) : view === 'list' ? (
            <BoardListView
              doc={connection.doc}
              drafts={drafts?.doc}
              holdNewNotes={privateWriting.on && !readOnly && !drafts}
              identity={identity}
              readOnly={readOnly}
              anonymous={anonymous}
              history={history}
              sortByVotes={sortByVotes}
              onSortByVotes={(sorted) => navigate(boardPath(board.id, 'list', { byVotes: sorted }))}
            />
          ) : (
            <BoardWorkspace
              connection={connection}
              drafts={drafts?.doc}
              holdNewNotes={privateWriting.on && !readOnly && !drafts}
              live={{
                follow,
                following: followMode.following,
                leader: commands ? { commands, latest: leaderView } : undefined,
              }}
              identity={identity}
              synced={canShowBoard({
                everSynced,
                localLoaded: local.loaded,
                // The server writes the meta when it creates the board: a stored copy with it is a real copy.
                localHasContent: meta.title !== '',
                state,
                online: local.online,
              })}
              readOnly={readOnly}
              anonymous={anonymous}
              history={history}
              linkedNote={noteTarget === 'found' ? linkedNote : undefined}
            />
          )}
        </main>
      </VotingContext>
      {askName && <NamePrompt initial={identity.name} onDone={() => setEditingName(false)} />}
    </div>
  );
}

/** Fills in the presence name from the grant or the facilitator account, so nobody is asked twice. */
function useKnownName(name: string | undefined, credential: Credential): void {
  useEffect(() => {
    if (name !== undefined) return;
    const known =
      credential.kind === 'grant'
        ? grants().get(credential.workshopId)?.person.name
        : (() => {
            const me = meStore.getSnapshot();
            return me.status === 'ready' ? me.me.facilitator?.name : undefined;
          })();
    if (known) identityStore.setName(known);
  }, [name, credential]);
}

/** True when the drafts doc was refused (it stays empty, and new notes would vanish). */
function useDraftsProblem(drafts: DocConnection | undefined): boolean {
  const state = useSyncExternalStore(
    drafts?.state.subscribe ?? (() => () => undefined),
    drafts?.state.getSnapshot ?? (() => undefined),
  );
  return state?.kind === 'error';
}
