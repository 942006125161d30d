import { useTranslation } from 'react-i18next';
import { navigate } from '../routing/navigation';
import { type BoardViewMode, boardPath } from '../routing/routes';
import { Icon, type IconName } from '../ui/Icon';

const VIEWS: readonly { view: BoardViewMode; icon: IconName; testId: string }[] = [
  { view: 'write', icon: 'edit', testId: 'write-view-toggle' },
  { view: 'canvas', icon: 'frame', testId: 'canvas-view-toggle' },
  { view: 'list', icon: 'list', testId: 'list-view-toggle' },
];

/**
 * Write mode, the canvas and the list view of a board, one press apart. On a
 * phone the labels shrink to icons but stay the buttons' names.
 */
export function ViewSwitch({ boardId, view }: { boardId: string; view: BoardViewMode }) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented view-switch" aria-label={t('views.label')}>
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          className="segmented-option view-switch-option"
          data-testid={option.testId}
          data-view={view}
          aria-pressed={view === option.view}
          title={t(`views.${option.view}Hint`)}
          onClick={() =>
            navigate(
              view === 'list' && option.view === 'list'
                ? boardPath(boardId, 'canvas', { explicit: true })
                : boardPath(boardId, option.view, { explicit: true }),
            )
          }
        >
          <Icon name={option.icon} />
          <span className="view-switch-text">{t(`views.${option.view}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
