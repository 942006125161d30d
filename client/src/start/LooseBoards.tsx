import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { Icon } from '../ui/Icon';
import { BoardList } from './BoardList';
import { CreateBoardForm } from './CreateBoardForm';
import { useBoards } from './useBoards';

/** Standalone boards from before workshops existed: still reachable, folded away under the workshops. */
export function LooseBoards() {
  const { t } = useTranslation();
  return (
    <details className="loose-boards">
      <summary data-testid="loose-boards">{t('workshops.looseBoards')}</summary>
      <LooseBoardsBody />
    </details>
  );
}

/** Mounted only when the section is opened, so the list is fetched only for those who look. */
function LooseBoardsBody() {
  const { t } = useTranslation();
  const { state, reload } = useBoards();
  return (
    <div className="loose-boards-body">
      <CreateBoardForm />
      {state.status === 'loading' && (
        <p className="muted" role="status" data-testid="boards-loading">
          {t('start.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="notice notice-error" role="alert" data-testid="boards-error">
          <div>
            <strong>{t('start.loadError')}</strong>
            <p>{apiErrorMessage(t, state.error)}</p>
          </div>
          <button className="button" type="button" onClick={reload}>
            <Icon name="refresh" />
            {t('start.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.boards.length === 0 && (
        <p className="muted" data-testid="boards-empty">
          {t('start.emptyTitle')}
        </p>
      )}
      {state.status === 'ready' && state.boards.length > 0 && <BoardList boards={state.boards} />}
    </div>
  );
}
