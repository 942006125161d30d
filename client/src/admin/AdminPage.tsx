import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../account/SignInForm';
import { useMe } from '../account/useMe';
import { AppHeader } from '../shell/AppHeader';
import { AppFooter } from '../ui/AppFooter';
import { AccountSection } from './AccountSection';
import { adminErrorMessage } from './adminErrors';
import { useAdminWorkshops } from './useAdminWorkshops';
import { WorkshopAdminCard } from './WorkshopAdminCard';

/** `/admin`: every workshop the facilitator runs with its state, and their account. */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="start admin">
        <div className="start-hero">
          <p className="eyebrow">{t('admin.eyebrow')}</p>
          <h1 className="page-title">{t('admin.title')}</h1>
          <p className="lead">{t('admin.intro')}</p>
        </div>
        {me.status === 'ready' && !me.me.facilitator && <SignInForm />}
        {me.status === 'ready' && me.me.facilitator && (
          <>
            <WorkshopSections />
            <AccountSection />
          </>
        )}
      </main>
      <AppFooter />
    </div>
  );
}

function WorkshopSections() {
  const { t } = useTranslation();
  const { state, reload } = useAdminWorkshops();
  const [notice, setNotice] = useState<string>();
  const onChanged = (text?: string) => {
    setNotice(text);
    reload();
  };
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('admin.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="notice notice-error" role="alert">
        <div>
          <strong>{t('admin.loadError')}</strong>
          <p>{adminErrorMessage(t, state.error)}</p>
        </div>
        <button className="button" type="button" onClick={reload}>
          {t('admin.retry')}
        </button>
      </div>
    );
  }
  const active = state.workshops.filter((w) => w.archivedAt === null);
  const archived = state.workshops.filter((w) => w.archivedAt !== null);
  return (
    <>
      {notice && (
        <p className="notice admin-notice" role="status">
          {notice}
        </p>
      )}
      <section className="admin-section" aria-labelledby="admin-active">
        <h2 id="admin-active" className="section-title">
          {t('admin.activeHeading')} <span className="badge">{active.length}</span>
        </h2>
        {active.length === 0 ? (
          <p className="muted">{t('admin.none')}</p>
        ) : (
          <ul className="admin-list">
            {active.map((workshop) => (
              <WorkshopAdminCard key={workshop.id} workshop={workshop} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </section>
      <section className="admin-section" aria-labelledby="admin-archived">
        <h2 id="admin-archived" className="section-title">
          {t('admin.archivedHeading')} <span className="badge">{archived.length}</span>
        </h2>
        {archived.length === 0 ? (
          <p className="muted">{t('admin.noneArchived')}</p>
        ) : (
          <ul className="admin-list">
            {archived.map((workshop) => (
              <WorkshopAdminCard key={workshop.id} workshop={workshop} onChanged={onChanged} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
