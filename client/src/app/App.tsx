import { useTranslation } from 'react-i18next';
import { BoardPage } from '../board/BoardPage';
import { BoardProblem } from '../board/BoardProblem';
import { useRoute } from '../routing/navigation';
import { StartPage } from '../start/StartPage';

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    case 'notFound':
      return <BoardProblem title={t('board.notFoundTitle')} text={t('board.notFoundText')} />;
  }
}
