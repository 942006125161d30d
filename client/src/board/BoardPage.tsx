import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AvatarList } from '../presence/AvatarList';
import { NamePrompt } from '../presence/NamePrompt';
import { useIdentity } from '../presence/useIdentity';
import { usePeers } from '../presence/usePeers';
import type { BoardConnection } from '../sync/boardConnection';
import { useBoardConnection, useConnectionState } from '../sync/useBoardConnection';
import { useBoardMeta } from '../sync/useBoardDoc';
import { AppHeader } from '../ui/AppHeader';
import { Icon } from '../ui/Icon';
import { BoardProblem } from './BoardProblem';
import { BoardWorkspace } from './BoardWorkspace';
import { ConnectionBanner } from './ConnectionBanner';
import { ConnectionStatus } from './ConnectionStatus';
import { useBoardSummary } from './useBoardSummary';

export function BoardPage({ boardId }: { boardId: string }) {
  const summary = useBoardSummary(boardId);
  const connection = useBoardConnection(boardId, summary.state.status !== 'notFound');
  const { t } = useTranslation();

  useEffect(() => {
    if (summary.state.status === 'ready') document.title = `${summary.state.board.title} · ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [summary.state, t]);

  if (summary.state.status === 'notFound') {
    return <BoardProblem title={t('board.notFoundTitle')} text={t('board.notFoundText')} />;
  }
  if (!connection) return <div className="page" />;
  return (
    <ConnectedBoard
      connection={connection}
      fallbackTitle={summary.state.status === 'ready' ? summary.state.board.title : undefined}
    />
  );
}

function ConnectedBoard({ connection, fallbackTitle }: { connection: BoardConnection; fallbackTitle?: string }) {
  const { t } = useTranslation();
  const identity = useIdentity();
  const state = useConnectionState(connection);
  const meta = useBoardMeta(connection.doc);
  const peers = usePeers(connection.provider.awareness);
  const [editingName, setEditingName] = useState(false);
  const [everSynced, setEverSynced] = useState(false);
  if (state.kind === 'connected' && !everSynced) setEverSynced(true);

  const title = meta.title || fallbackTitle || (everSynced ? t('board.untitled') : '…');
  const askName = identity.name === undefined || editingName;

  return (
    <div className="page page-board">
      <AppHeader
        center={
          <div className="board-heading">
            <h1 className="board-title" data-testid="board-title">
              {title}
            </h1>
            <ConnectionStatus state={state} />
          </div>
        }
        end={
          <>
            <AvatarList me={identity} peers={peers} />
            <button
              type="button"
              className="button button-ghost name-button"
              data-testid="edit-name"
              aria-label={t('presence.editName', { name: identity.name ?? '' })}
              onClick={() => setEditingName(true)}
            >
              <Icon name="user" />
              <span className="name-button-text">{identity.name}</span>
            </button>
          </>
        }
      />
      <ConnectionBanner state={state} onRetry={connection.retry} />
      <main id="main" className="board-main">
        <BoardWorkspace connection={connection} identity={identity} synced={everSynced} />
      </main>
      {askName && <NamePrompt initial={identity.name} onDone={() => setEditingName(false)} />}
    </div>
  );
}
