import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { AppHeader } from '../shell/AppHeader';
import { Icon } from '../ui/Icon';

/** A full-page "this board cannot be shown" state with the way back. */
export function BoardProblem({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="problem" data-testid="board-problem">
        <div className="empty-art" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <h1 className="page-title">{title}</h1>
        <p className="lead">{text}</p>
        <a className="button button-primary" href="/" onClick={(event) => handleLinkClick(event, '/')}>
          <Icon name="arrow" />
          {t('board.backToBoards')}
        </a>
      </main>
    </div>
  );
}
