import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { Icon } from '../ui/Icon';
import type { WorkshopDetailState } from './useWorkshopDetail';

/**
 * While a page loads its workshop: a skeleton, or the load error with a retry
 * button. Nothing once the workshop is there (or access is refused, which each
 * page says in its own words).
 */
export function WorkshopLoadNotice(props: {
  state: WorkshopDetailState;
  retry: () => void;
  loadingText: string;
  testId?: string;
}) {
  const { state, retry, loadingText, testId } = props;
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <div className="list-placeholder" role="status" data-testid={testId}>
        <span className="sr-only">{loadingText}</span>
        <span className="skeleton" aria-hidden="true" />
        <span className="skeleton" aria-hidden="true" />
      </div>
    );
  }
  if (state.status !== 'error') return null;
  return (
    <div className="notice notice-error" role="alert">
      <div>
        <strong>{t('workshop.loadError')}</strong>
        <p>{apiErrorMessage(t, state.error)}</p>
      </div>
      <button className="button" type="button" onClick={retry}>
        <Icon name="refresh" />
        {t('start.retry')}
      </button>
    </div>
  );
}
