import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { AppHeader } from '../ui/AppHeader';
import { Icon } from '../ui/Icon';
import { BoardList } from './BoardList';
import { CreateBoardForm } from './CreateBoardForm';
import { useBoards } from './useBoards';

export function StartPage() {
  const { t } = useTranslation();
  const { state, reload } = useBoards();
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="start">
        <div className="start-hero">
          <p className="eyebrow">{t('app.tagline')}</p>
          <h1 className="page-title">{t('start.title')}</h1>
          <p className="lead">{t('start.intro')}</p>
        </div>
        <CreateBoardForm />
        <section className="start-list" aria-labelledby="board-list-heading" aria-busy={state.status === 'loading'}>
          <div className="section-head">
            <h2 id="board-list-heading" className="section-title">
              {t('start.listHeading')}
            </h2>
            {state.status === 'ready' && state.boards.length > 0 && (
              <span className="muted">{t('start.boardCount', { count: state.boards.length })}</span>
            )}
          </div>
          {state.status === 'loading' && (
            <div className="list-placeholder" role="status" data-testid="boards-loading">
              <span className="sr-only">{t('start.loading')}</span>
              <span className="skeleton" aria-hidden="true" />
              <span className="skeleton" aria-hidden="true" />
              <span className="skeleton" aria-hidden="true" />
            </div>
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
            <div className="empty" data-testid="boards-empty">
              <div className="empty-art" aria-hidden="true">
                <span />
                <span />
                <span />
              </div>
              <p className="empty-title">{t('start.emptyTitle')}</p>
              <p className="muted">{t('start.emptyHint')}</p>
            </div>
          )}
          {state.status === 'ready' && state.boards.length > 0 && <BoardList boards={state.boards} />}
        </section>
      </main>
    </div>
  );
}
