import type { BoardSummary } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { boardPath } from '../routing/routes';
import { useDateFormat } from '../ui/useDateFormat';

export function BoardList({ boards }: { boards: readonly BoardSummary[] }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (
    <ul className="board-list">
      {boards.map((board) => {
        const path = boardPath(board.id);
        return (
          <li key={board.id}>
            <a className="board-item" href={path} data-testid="board-link" onClick={(e) => handleLinkClick(e, path)}>
              <span className="board-item-thumb" data-kind={board.kind} aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              <span className="board-item-body">
                <span className="board-item-title">{board.title}</span>
                <span className="board-item-meta">
                  <span className="badge">{t(`kinds.${board.kind}`)}</span>
                  <time dateTime={board.createdAt}>{t('start.createdAt', { date: formatDate(board.createdAt) })}</time>
                </span>
              </span>
              <span className="board-item-go" aria-hidden="true">
                →
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
