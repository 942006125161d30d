import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { identityStore, normaliseName } from './identity';

/**
 * Asks for the name others see. On a first visit it cannot be dismissed
 * without a name; when changing an existing name it can be cancelled.
 */
export function NamePrompt({ initial, onDone }: { initial: string | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const errorId = useId();
  const [name, setName] = useState(initial ?? '');
  const [missing, setMissing] = useState(false);
  const firstVisit = initial === undefined;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!normaliseName(name)) {
      setMissing(true);
      return;
    }
    identityStore.setName(name);
    onDone();
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        // Escape closes the dialog natively; on a first visit we still need a name.
        event.preventDefault();
        if (!firstVisit) onDone();
      }}
    >
      <form onSubmit={onSubmit} noValidate>
        <h2 id={titleId} className="dialog-title">
          {t('presence.promptTitle')}
        </h2>
        <p id={textId} className="muted">
          {t('presence.promptText')}
        </p>
        <label className="field-label" htmlFor={`${titleId}-name`}>
          {t('presence.nameLabel')}
        </label>
        <input
          id={`${titleId}-name`}
          className="text-input"
          data-testid="name-input"
          value={name}
          placeholder={t('presence.namePlaceholder')}
          autoComplete="nickname"
          maxLength={60}
          aria-invalid={missing}
          aria-describedby={missing ? errorId : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <p id={errorId} className="field-error" role="alert">
            {t('presence.nameRequired')}
          </p>
        )}
        <div className="dialog-actions">
          {!firstVisit && (
            <button type="button" className="button" onClick={onDone}>
              {t('presence.cancel')}
            </button>
          )}
          <button type="submit" className="button button-primary" data-testid="name-submit">
            {firstVisit ? t('presence.join') : t('presence.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
