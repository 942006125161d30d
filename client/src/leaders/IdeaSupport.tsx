import type { PublishedIdea } from '@samle/shared';
import { useTranslation } from 'react-i18next';

/** A participant's support for one published idea: a toggle while the facilitator has support open. */
export function IdeaSupportButton({
  idea,
  supported,
  busy,
  onToggle,
}: {
  idea: PublishedIdea;
  supported: boolean;
  busy: boolean;
  onToggle: (supported: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="idea-support">
      <button
        type="button"
        className={supported ? 'button button-small idea-support-on' : 'button button-small button-primary'}
        aria-pressed={supported}
        title={supported ? t('evidence.withdrawSupport') : undefined}
        disabled={busy}
        data-testid="idea-support"
        data-idea-id={idea.id}
        onClick={() => onToggle(!supported)}
      >
        <span aria-hidden="true">{supported ? '✓ ' : '+ '}</span>
        {supported ? t('evidence.supported') : t('evidence.supportThis')}
      </button>
    </div>
  );
}
