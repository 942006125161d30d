import { useTranslation } from 'react-i18next';
import { meStore } from '../account/meStore';
import { SignInForm } from '../account/SignInForm';
import { SignUpForm } from '../account/SignUpForm';
import { useMe } from '../account/useMe';
import { apiErrorMessage } from '../api/errorMessage';
import { JoinEntry } from '../join/JoinEntry';
import { AppHeader } from '../shell/AppHeader';
import { AppFooter } from '../ui/AppFooter';
import { Icon } from '../ui/Icon';
import { FacilitatorHome } from './FacilitatorHome';

/** `/`: the first account on a fresh install; else sign in or join; signed in, the facilitator's workshops. */
export function StartPage() {
  const { t } = useTranslation();
  const state = useMe();
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="start">
        {state.status === 'loading' && (
          <div className="list-placeholder" role="status" data-testid="me-loading">
            <span className="sr-only">{t('workshops.loading')}</span>
            <span className="skeleton" aria-hidden="true" />
          </div>
        )}
        {state.status === 'error' && (
          <div className="notice notice-error" role="alert">
            <div>
              <strong>{t('account.loadError')}</strong>
              <p>{apiErrorMessage(t, state.error)}</p>
            </div>
            <button className="button" type="button" onClick={meStore.retry}>
              <Icon name="refresh" />
              {t('start.retry')}
            </button>
          </div>
        )}
        {state.status === 'ready' && state.me.needsFirstAccount && (
          <>
            <div className="start-hero">
              <p className="eyebrow">{t('app.tagline')}</p>
              <h1 className="page-title">{t('account.firstTitle')}</h1>
              <p className="lead">{t('account.firstIntro')}</p>
            </div>
            <div className="start-columns">
              <SignUpForm />
              <JoinEntry />
            </div>
          </>
        )}
        {state.status === 'ready' && !state.me.needsFirstAccount && !state.me.facilitator && (
          <>
            <div className="start-hero">
              <p className="eyebrow">{t('app.tagline')}</p>
              <h1 className="page-title">{t('app.name')}</h1>
            </div>
            <div className="start-columns">
              <JoinEntry />
              <SignInForm />
            </div>
          </>
        )}
        {state.status === 'ready' && state.me.facilitator && <FacilitatorHome />}
      </main>
      <AppFooter />
    </div>
  );
}
