import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { timerSound } from './chime';
import type { TimerFace } from './timerClock';
import { useTimerAlarm, useTimerMuted } from './useTimerFace';

/**
 * The shared timer as everyone sees it: a calm pill with mm:ss, marked when
 * paused, pulsing gently (and chiming, unless muted) when it reaches zero.
 */
export function TimerPill({ face }: { face: TimerFace }) {
  const { t } = useTranslation();
  const rang = useTimerAlarm(face);
  const muted = useTimerMuted();
  const label =
    face.phase === 'done'
      ? t('facilitation.timer.pillDone')
      : face.phase === 'paused'
        ? t('facilitation.timer.pillPaused', { time: face.text })
        : t('facilitation.timer.pillRunning', { time: face.text });

  return (
    <div className="timer-pill" data-state={face.phase} data-rang={rang || undefined}>
      <span className="timer-face" role="timer" aria-label={label} data-testid="timer" data-state={face.phase}>
        <Icon name="clock" />
        <span className="timer-text">{face.text}</span>
      </span>
      {face.phase !== 'running' && (
        <span className="timer-tag" aria-hidden="true">
          {face.phase === 'paused' ? t('facilitation.timer.pausedTag') : t('facilitation.timer.doneTag')}
        </span>
      )}
      <button
        type="button"
        className="timer-mute"
        data-testid="timer-mute"
        aria-pressed={muted}
        aria-label={muted ? t('facilitation.timer.unmute') : t('facilitation.timer.mute')}
        title={muted ? t('facilitation.timer.unmute') : t('facilitation.timer.mute')}
        onClick={() => timerSound.setMuted(!muted)}
      >
        <Icon name={muted ? 'muted' : 'sound'} />
      </button>
      <span className="sr-only" aria-live="polite">
        {face.phase === 'done' && rang ? t('facilitation.timer.announceDone') : ''}
      </span>
    </div>
  );
}
