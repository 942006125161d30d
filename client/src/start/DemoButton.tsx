import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { createDemoWorkshop } from '../api/workshopApi';
import { navigate } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { Icon } from '../ui/Icon';

/** One click to a realistic Danish demo process, opened in the cockpit. */
export function DemoButton({ prominent }: { prominent: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onClick = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const detail = await createDemoWorkshop();
      navigate(workshopPath(detail.workshop.id));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <div className={prominent ? 'demo demo-prominent' : 'demo'}>
      <button
        type="button"
        className={prominent ? 'button button-primary button-large' : 'button'}
        data-testid="create-demo"
        disabled={busy}
        onClick={onClick}
      >
        <Icon name="plus" />
        {busy ? t('workshops.creatingDemo') : t('workshops.demo')}
      </button>
      {prominent && <p className="muted">{t('workshops.demoHint')}</p>}
      {error !== undefined && (
        <p className="field-error" role="alert">
          {apiErrorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
