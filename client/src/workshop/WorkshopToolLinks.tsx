import type { Role } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { workshopToolPath } from '../routing/routes';
import { toolsFor } from './workshopTools';

const LABELS = {
  questions: ['tools.questions', 'tools.questionsHint'],
  evaluation: ['tools.evaluation', 'tools.evaluationHint'],
  reflection: ['tools.reflection', 'tools.reflectionHint'],
  catalog: ['catalog.title', 'catalog.linkHint'],
} as const;

/** Links from the cockpit or home page to questions to management, the evaluation and the home reflection. */
export function WorkshopToolLinks({ workshopId, role }: { workshopId: string; role: Role }) {
  const { t } = useTranslation();
  return (
    <nav className="panel tool-links" aria-labelledby={`tools-${workshopId}`}>
      <div className="panel-head">
        <h2 id={`tools-${workshopId}`} className="panel-title">
          {t('tools.navLabel')}
        </h2>
      </div>
      <ul>
        {toolsFor(role).map((tool) => {
          const path = workshopToolPath(workshopId, tool);
          const [label, hint] = LABELS[tool];
          return (
            <li key={tool}>
              <a
                className="tool-link"
                href={path}
                data-testid={`${tool}-link`}
                onClick={(event) => handleLinkClick(event, path)}
              >
                <span className="tool-link-title">{t(label)}</span>
                <span className="tool-link-hint">
                  {tool === 'evaluation' && role === 'facilitator' ? t('tools.evaluationFacilitatorHint') : t(hint)}
                </span>
                <span className="board-item-go" aria-hidden="true">
                  →
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
