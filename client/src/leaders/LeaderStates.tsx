import { useTranslation } from 'react-i18next';

/** Loading, unreachable and refused states of the leader pages. */
export function LeaderEmpty({ state }: { state: 'loading' | 'unreachable' | 'refused' }) {
  const { t } = useTranslation();
  if (state === 'unreachable') {
    return (
      <div className="notice notice-error" role="status" data-testid="leaders-unreachable">
        <div>
          <strong>{t('leaders.unreachableTitle')}</strong>
          <p>{t('leaders.unreachableText')}</p>
        </div>
      </div>
    );
  }
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
