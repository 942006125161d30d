import type { VoteCommandBody } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { Popover } from '../ui/Popover';
import { PopoverRefusal } from './PopoverRefusal';
import { DEFAULT_BUDGET, DEFAULT_MAX_PER_NOTE, parseVoteNumber } from './voteForm';

/** The facilitator's "Dot vote" button and its form: dots per person and the most one note may get. */
export function VoteOpenForm(props: {
  hasResults: boolean;
  busy: boolean;
  /** Why the last command was refused, said inside the open form (on a laptop it would cover the form otherwise). */
  refusal?: string | undefined;
  onCommand: (command: VoteCommandBody) => Promise<boolean>;
}) {
  const { hasResults, busy, refusal, onCommand } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET));
  const [maxPerNote, setMaxPerNote] = useState(String(DEFAULT_MAX_PER_NOTE));
  const [invalid, setInvalid] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const b = parseVoteNumber(budget);
    const m = parseVoteNumber(maxPerNote);
    setInvalid(b === null || m === null);
    if (b === null || m === null) return;
    if (await onCommand({ action: 'open', budget: b, maxPerNote: m })) setOpen(false);
  };

  return (
    <Popover
      open={open}
      onClose={() => setOpen(false)}
      label={t('facilitation.vote.formHeading')}
      trigger={(attributes) => (
        <button
          type="button"
          className="tool-button"
          data-testid="vote-open"
          title={t('facilitation.vote.buttonHint')}
          onClick={() => setOpen((value) => !value)}
          {...attributes}
        >
          <Icon name="dots" />
          <span>{hasResults ? t('facilitation.vote.newVote') : t('facilitation.vote.button')}</span>
        </button>
      )}
    >
      <h2 className="popover-title">{t('facilitation.vote.formHeading')}</h2>
      <p className="popover-hint">{t('facilitation.vote.formHint')}</p>
      <form className="popover-form popover-form-grid" onSubmit={(event) => void submit(event)} noValidate>
        <label className="popover-field">
          <span className="field-label">{t('facilitation.vote.budget')}</span>
          <input
            className="text-input"
            data-testid="vote-budget"
            data-autofocus
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            value={budget}
            aria-invalid={invalid && parseVoteNumber(budget) === null}
            onChange={(event) => {
              setBudget(event.target.value);
              setInvalid(false);
            }}
          />
        </label>
        <label className="popover-field">
          <span className="field-label">{t('facilitation.vote.maxPerNote')}</span>
          <input
            className="text-input"
            data-testid="vote-max-per-note"
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            value={maxPerNote}
            aria-invalid={invalid && parseVoteNumber(maxPerNote) === null}
            onChange={(event) => {
              setMaxPerNote(event.target.value);
              setInvalid(false);
            }}
          />
        </label>
        {invalid && (
          <p className="field-error popover-error" role="alert">
            {t('facilitation.vote.numberInvalid')}
          </p>
        )}
        {refusal && <PopoverRefusal text={refusal} />}
        <div className="popover-actions">
          <button type="button" className="button button-ghost" onClick={() => setOpen(false)}>
            {t('facilitation.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="vote-open-submit" disabled={busy}>
            <Icon name="dots" />
            {t('facilitation.vote.openSubmit')}
          </button>
        </div>
      </form>
    </Popover>
  );
}
