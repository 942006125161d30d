import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import './styles/tokens.css';
import './styles/base.css';
import './styles/primitives.css';
import './styles/controls.css';
import './styles/decisions.css';
import './app/pageLoading.css';
import './start/start.css';
import './board/board.css';
import './board/board-toolbars.css';
import './styles/forms.css';
import './join/join.css';
import './workshop/workshop.css';
import './workshop/workshop-boards.css';
import './board/board-access.css';
import './board/clusters.css';
import './board/list-view.css';
import './board/write/write-view.css';
import './facilitation/facilitation.css';
import './history/history.css';
import './facilitation/voting.css';
import './privateWriting/private-writing.css';
import './facilitation/live-tools.css';
import './bigscreen/big-screen.css';
import './workshop/tools.css';
import './questions/questions.css';
import './evaluation/evaluation.css';
import './reflection/reflection.css';
import './synthesis/synthesis.css';
import './synthesis/synthesis-gather.css';
import './catalog/catalog.css';
import './catalog/catalog-idea.css';
import './catalog/catalog-actions.css';
import './plan/plan.css';
import './admin/admin.css';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('main: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
