import type { TimerView, VoteView } from '@samle/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { unlockAudioOnInteraction } from './chime';
import { TimerControls } from './TimerControls';
import { TimerPill } from './TimerPill';
import type { FacilitatorCommands } from './useFacilitatorCommands';
import { useRefusalText } from './useRefusalText';
import { useTimerFace } from './useTimerFace';
import { VoteOpenForm } from './VoteOpenForm';

/**
 * The board header's facilitation corner: the shared timer for everyone, and
 * for the facilitator the timer controls and the "Dot vote" button.
 */
export function FacilitationHeader(props: {
  timer: TimerView | null;
  vote: VoteView | null;
  /** The facilitator's commands, when this person runs the board; undefined for everyone else. */
  commands: FacilitatorCommands | undefined;
}) {
  const { timer, vote, commands } = props;
  const { t } = useTranslation();
  const face = useTimerFace(timer);
  const refusalText = useRefusalText();
  // Browsers play sound only after an interaction with the page: be ready before the timer ends.
  useEffect(() => unlockAudioOnInteraction(), []);
  if (!face && !commands) return null;
  const refusal = commands?.errorCode ? refusalText(commands.errorCode) : undefined;

  return (
    <div className="facilitation-header">
      {face && <TimerPill face={face} />}
      {commands && (
        <>
          <TimerControls face={face} busy={commands.busy} refusal={refusal} onCommand={commands.timer} />
          {vote?.status !== 'open' && (
            <VoteOpenForm
              hasResults={vote?.status === 'closed'}
              busy={commands.busy}
              refusal={refusal}
              onCommand={commands.vote}
            />
          )}
          {refusal && (
            <p className="facilitation-error" role="alert" data-testid="facilitation-error">
              <span>{refusal}</span>
              <button
                type="button"
                className="facilitation-error-dismiss"
                aria-label={t('facilitation.vote.dismiss')}
                onClick={commands.dismiss}
              >
                <Icon name="close" />
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
