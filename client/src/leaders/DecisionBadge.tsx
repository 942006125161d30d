import type { Decision } from '@samle/shared';
import { useTranslation } from 'react-i18next';

/** The decision as a coloured label; the same colours everywhere (leader-badges.css). */
export function DecisionBadge({ decision, large = false }: { decision: Decision | null; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`decision-pill${large ? ' decision-pill-large' : ''}`}
      data-decision={decision ?? 'undecided'}
      data-testid="decision-badge"
    >
      <span className="decision-dot" aria-hidden="true" />
      {t(`leaders.decisions.${decision ?? 'undecided'}`)}
    </span>
  );
}
