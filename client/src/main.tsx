import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { reloadForStaleChunk } from './app/staleChunk';
import { startRoute } from './app/startRoute';
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
import './shell/board-title.css';
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

const root = document.getElementById('root');
if (!root) throw new Error('main: #root is missing from index.html');

/**
 * Shown when the page's own language could not be fetched (offline without the service worker's copy, or a
 * release replaced the chunk while this page loaded, and a reload a moment ago did not help). No texts are loaded
 * then, so it says it in both languages, in plain DOM.
 */
function showTextsFailed(target: HTMLElement): void {
  const box = document.createElement('main');
  box.className = 'page-loading page-failed';
  const lines: [string, string][] = [
    ['da', 'Samle kunne ikke hentes. Tjek forbindelsen, og genindlæs siden.'],
    ['en', 'Samle could not be loaded. Check the connection and reload the page.'],
  ];
  for (const [lang, text] of lines) {
    const line = document.createElement('p');
    line.lang = lang;
    line.textContent = text;
    box.append(line);
  }
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button button-primary';
  reload.textContent = 'Genindlæs · Reload';
  reload.addEventListener('click', () => window.location.reload());
  box.append(reload);
  target.replaceChildren(box);
}

async function start(target: HTMLElement): Promise<void> {
  startRoute(window.location.pathname);
  // The active language's texts arrive before the first render: no keys and no layout jump on the way.
  const { loaded } = await initI18n();
  if (!loaded) {
    if (!reloadForStaleChunk()) showTextsFailed(target);
    return;
  }
  createRoot(target).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start(root);
