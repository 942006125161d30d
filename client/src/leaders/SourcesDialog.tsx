import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionBadge } from './DecisionBadge';
import { MarkdownView } from './MarkdownView';
import { Provenance } from './Provenance';
import type { PanelIdea } from './panelModel';

/** One idea's sources on the big screen: a modal dialog (Esc closes) with links to the boards. */
export function SourcesDialog({ idea, onClose }: { idea: PanelIdea; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="sources-dialog"
      aria-labelledby="sources-dialog-title"
      data-testid="sources-dialog"
      onClose={onClose}
    >
      <div className="sources-dialog-body">
        <header className="sources-dialog-head">
          <div>
            <DecisionBadge decision={idea.assessment?.decision ?? null} />
            <h2 id="sources-dialog-title">{idea.title}</h2>
          </div>
          <button type="button" className="button button-ghost" onClick={onClose} data-testid="sources-close">
            {t('leaders.close')}
          </button>
        </header>
        {idea.assessment?.rationale && <MarkdownView markdown={idea.assessment.rationale} />}
        <h3 className="sources-dialog-subhead">{t('leaders.sourcesTitle')}</h3>
        <Provenance sources={idea.provenance} />
      </div>
    </dialog>
  );
}
