import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { synthesisPath } from '../routing/routes';
import { Icon } from '../ui/Icon';

/** The way into the synthesis view from the cockpit (facilitator) and a leader's home, for one session. */
export function SynthesisLink({ workshopId, sessionId }: { workshopId: string; sessionId: string }) {
  const { t } = useTranslation();
  const path = synthesisPath(workshopId, { sessionId });
  return (
    <a
      className="panel synth-link"
      href={path}
      data-testid="synthesis-link"
      onClick={(event) => handleLinkClick(event, path)}
    >
      <span className="synth-link-icon" aria-hidden="true">
        <Icon name="merge" />
      </span>
      <span className="synth-link-text">
        <span className="synth-link-title">{t('synthesis.link')}</span>
        <span className="synth-link-hint">{t('synthesis.linkHint')}</span>
      </span>
      <span className="board-item-go" aria-hidden="true">
        →
      </span>
    </a>
  );
}
