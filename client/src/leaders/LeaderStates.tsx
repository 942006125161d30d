import { useTranslation } from 'react-i18next';

/** Loading and refused states of the leader pages. */
export function LeaderEmpty({ state }: { state: 'loading' | 'refused' }) {
  const { t } = useTranslation();
  if (state === 'refused') {
    return (
      <div className="empty-state" role="alert" data-testid="leaders-refused">
        <h2>{t('leaders.refusedTitle')}</h2>
        <p className="muted">{t('leaders.refusedText')}</p>
      </div>
    );
  }
  return (
    <div className="list-placeholder" role="status" data-testid="leaders-loading">
      <span className="sr-only">{t('leaders.loading')}</span>
      <span className="skeleton" aria-hidden="true" />
      <span className="skeleton" aria-hidden="true" />
      <span className="skeleton" aria-hidden="true" />
    </div>
  );
}
