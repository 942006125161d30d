import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { Icon } from '../ui/Icon';
import { DemoButton } from './DemoButton';
import { LooseBoards } from './LooseBoards';
import { NewWorkshopForm } from './NewWorkshopForm';
import { useWorkshops } from './useWorkshops';
import { WorkshopList } from './WorkshopList';

/** The signed-in facilitator's start page: their workshops, a demo in one click, a new workshop. */
export function FacilitatorHome() {
  const { t } = useTranslation();
  const { state, reload } = useWorkshops();
  const empty = state.status === 'ready' && state.workshops.length === 0;
  return (
    <>
      <div className="start-hero">
        <p className="eyebrow">{t('app.tagline')}</p>
        <h1 className="page-title">{t('workshops.title')}</h1>
        <p className="lead">{t('workshops.intro')}</p>
      </div>
      <section className="start-list" aria-labelledby="workshop-list-heading" aria-busy={state.status === 'loading'}>
        <div className="section-head">
          <h2 id="workshop-list-heading" className="section-title">
            {t('workshops.title')}
          </h2>
          {state.status === 'ready' && !empty && <DemoButton prominent={false} />}
        </div>
        {state.status === 'loading' && (
          <div className="list-placeholder" role="status" data-testid="workshops-loading">
            <span className="sr-only">{t('workshops.loading')}</span>
            <span className="skeleton" aria-hidden="true" />
            <span className="skeleton" aria-hidden="true" />
          </div>
        )}
        {state.status === 'error' && (
          <div className="notice notice-error" role="alert" data-testid="workshops-error">
            <div>
              <strong>{t('workshops.loadError')}</strong>
              <p>{apiErrorMessage(t, state.error)}</p>
            </div>
            <button className="button" type="button" onClick={reload}>
              <Icon name="refresh" />
              {t('start.retry')}
            </button>
          </div>
        )}
        {empty && (
          <div className="empty" data-testid="workshops-empty">
            <div className="empty-art" aria-hidden="true">
              <span />
              <span />
              <span />
            </div>
            <p className="empty-title">{t('workshops.emptyTitle')}</p>
            <p className="muted">{t('workshops.emptyHint')}</p>
            <DemoButton prominent />
          </div>
        )}
        {state.status === 'ready' && !empty && <WorkshopList workshops={state.workshops} />}
      </section>
      <NewWorkshopForm />
      <LooseBoards />
    </>
  );
}
