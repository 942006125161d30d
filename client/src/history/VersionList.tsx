import type { HistoryEntry } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { useVersionTime } from './useVersions';

/** The board's snapshots, newest first, each a button (arrow keys move between them). */
export function VersionList(props: {
  snapshots: HistoryEntry[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { snapshots, selectedId, onSelect } = props;
  const { t } = useTranslation();
  const formatTime = useVersionTime();

  const moveFocus = (event: React.KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <ul className="version-list" aria-label={t('versions.listLabel')} onKeyDown={moveFocus}>
      {snapshots.map((snapshot) => (
        <li key={snapshot.id}>
          <button
            type="button"
            className="version-item"
            aria-current={snapshot.id === selectedId ? 'true' : undefined}
            data-testid="version-item"
            onClick={() => onSelect(snapshot.id)}
          >
            <span className="version-time">{formatTime(snapshot.takenAt)}</span>
            <span className="version-reason">{t(`versions.reason.${snapshot.reason}`)}</span>
            <span className="version-counts">
              {t('versions.noteCount', { count: snapshot.noteCount })}
              {snapshot.writerCount > 0 && ` · ${t('versions.writerCount', { count: snapshot.writerCount })}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
