import type { TimerCommandBody } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Icon } from '../ui/Icon';
import { Popover } from '../ui/Popover';
import { PopoverRefusal } from './PopoverRefusal';
import { parseMinutes, TIMER_PRESETS, type TimerFace } from './timerClock';

/**
 * The facilitator's timer buttons beside the pill: a start menu (presets and
 * custom minutes), and pause/resume, +1 minute and remove while a timer is set.
 */
export function TimerControls(props: {
  face: TimerFace | null;
  busy: boolean;
  /** Why the last command was refused, said inside the open start menu. */
  refusal?: string | undefined;
  onCommand: (command: TimerCommandBody) => Promise<boolean>;
}) {
  const { face, busy, refusal, onCommand } = props;
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [minutes, setMinutes] = useState('5');
  const [invalid, setInvalid] = useState(false);

  const start = async (value: number) => {
    if (await onCommand({ action: 'start', minutes: value })) setMenuOpen(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseMinutes(minutes);
    setInvalid(value === null);
    if (value !== null) void start(value);
  };

  return (
    <div className="timer-controls">
      {face && (
        <div className="tool-group">
          {face.phase !== 'done' && (
            <button
              type="button"
              className="tool-button tool-button-icon"
              data-testid={face.phase === 'running' ? 'timer-pause' : 'timer-resume'}
              aria-label={face.phase === 'running' ? t('facilitation.timer.pause') : t('facilitation.timer.resume')}
              title={face.phase === 'running' ? t('facilitation.timer.pause') : t('facilitation.timer.resume')}
              disabled={busy}
              onClick={() => void onCommand({ action: face.phase === 'running' ? 'pause' : 'resume' })}
            >
              <Icon name={face.phase === 'running' ? 'pause' : 'play'} />
            </button>
          )}
          <button
            type="button"
            className="tool-button"
            data-testid="timer-add-minute"
            aria-label={t('facilitation.timer.addMinuteLabel')}
            title={t('facilitation.timer.addMinuteLabel')}
            disabled={busy}
            onClick={() => void onCommand({ action: 'addMinute' })}
          >
            {t('facilitation.timer.addMinute')}
          </button>
          <ConfirmButton
            className="tool-button tool-button-icon"
            testId="timer-clear"
            ariaLabel={t('facilitation.timer.clear')}
            title={t('facilitation.timer.clear')}
            disabled={busy}
            question={t('facilitation.timer.clearConfirm')}
            detail={t('facilitation.timer.clearDetail')}
            confirmLabel={t('facilitation.timer.clearYes')}
            cancelLabel={t('facilitation.cancel')}
            danger
            onConfirm={() => void onCommand({ action: 'clear' })}
          >
            <Icon name="close" />
          </ConfirmButton>
        </div>
      )}
      <Popover
        open={menuOpen}
        onClose={() => setMenuOpen(false)}
        label={t('facilitation.timer.startHeading')}
        trigger={(attributes) => (
          <button
            type="button"
            className={face ? 'tool-button tool-button-icon' : 'tool-button'}
            data-testid="timer-start"
            title={face ? t('facilitation.timer.newTimer') : t('facilitation.timer.buttonHint')}
            aria-label={face ? t('facilitation.timer.newTimer') : undefined}
            onClick={() => setMenuOpen((open) => !open)}
            {...attributes}
          >
            <Icon name={face ? 'refresh' : 'clock'} />
            {!face && <span>{t('facilitation.timer.button')}</span>}
          </button>
        )}
      >
        <h2 className="popover-title">{t('facilitation.timer.startHeading')}</h2>
        <p className="popover-hint">{t('facilitation.timer.startHint')}</p>
        <fieldset className="preset-row">
          <legend className="field-label">{t('facilitation.timer.presets')}</legend>
          {TIMER_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              className="button button-small preset"
              data-testid={`timer-preset-${preset}`}
              aria-label={t('facilitation.timer.presetLabel', { count: preset })}
              disabled={busy}
              onClick={() => void start(preset)}
            >
              {t('facilitation.timer.presetMinutes', { count: preset })}
            </button>
          ))}
        </fieldset>
        <form className="popover-form" onSubmit={submit} noValidate>
          <label className="popover-field">
            <span className="field-label">{t('facilitation.timer.minutesLabel')}</span>
            <input
              className="text-input"
              data-testid="timer-minutes"
              data-autofocus
              type="number"
              inputMode="decimal"
              min={0.1}
              max={240}
              step="any"
              value={minutes}
              aria-invalid={invalid}
              onChange={(event) => {
                setMinutes(event.target.value);
                setInvalid(false);
              }}
            />
          </label>
          <button type="submit" className="button button-primary" data-testid="timer-start-submit" disabled={busy}>
            <Icon name="play" />
            {t('facilitation.timer.startSubmit')}
          </button>
          {invalid && (
            <p className="field-error popover-error" role="alert">
              {t('facilitation.timer.minutesInvalid')}
            </p>
          )}
        </form>
        {refusal && <PopoverRefusal text={refusal} />}
      </Popover>
    </div>
  );
}
