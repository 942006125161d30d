import type { Session } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { boardPath } from '../routing/routes';
import { type HomeBoard, homeBoards, shortBoardTitle } from '../workshopData/homeBoards';

/**
 * The session's boards as links to the board page: for the facilitator all of
 * them; for everyone else their own table first, and what they may only read marked so.
 */
export function SessionBoards({ session, personId }: { session: Session; personId: string | null }) {
  const { t } = useTranslation();
  const boards = homeBoards(session, personId);
  return (
    <section className="panel boards-panel" aria-labelledby={`boards-${session.id}`}>
      <div className="panel-head">
        <h2 id={`boards-${session.id}`} className="panel-title">
          {t('cockpit.boards')}
        </h2>
      </div>
      {boards.length === 0 && <p className="muted">{t('home.noBoards')}</p>}
      <ul className="session-boards">
        {boards.map((entry) => (
          <li key={entry.board.id}>
            <BoardLink entry={entry} sessionTitle={session.title} facilitating={personId === null} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function BoardLink(props: { entry: HomeBoard; sessionTitle: string; facilitating: boolean }) {
  const { entry, sessionTitle, facilitating } = props;
  const { t } = useTranslation();
  const { board, place } = entry;
  const path = boardPath(board.id);
  // The facilitator sits at no table: their boards are labelled by kind, everyone else's by where they sit.
  const placeLabel = facilitating
    ? t(`kinds.${board.kind}`)
    : place === 'myTable'
      ? t('home.yourTable')
      : place === 'otherTable'
        ? t('home.otherTable')
        : place === 'leadership'
          ? t('home.leadership')
          : t('home.plenum');
  return (
    <a
      className="session-board"
      href={path}
      data-testid="session-board-link"
      data-board-id={board.id}
      data-board-kind={board.kind}
      data-group-id={board.groupId ?? undefined}
      data-access={board.access}
      data-place={place}
      onClick={(event) => handleLinkClick(event, path)}
    >
      <span className="board-item-thumb" data-kind={board.kind} aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span className="session-board-body">
        <span className="session-board-place">{placeLabel}</span>
        <span className="session-board-title">{shortBoardTitle(board.title, sessionTitle)}</span>
      </span>
      <span className="session-board-badges">
        {board.archived && <span className="badge">{t('cockpit.archived')}</span>}
        {board.access === 'read' && <span className="badge badge-readonly">{t('cockpit.readOnly')}</span>}
      </span>
      <span className="board-item-go" aria-hidden="true">
        →
      </span>
    </a>
  );
}
