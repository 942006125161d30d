import type { Decision, IdeaView } from '@samle/shared';
import { type KeyboardEvent, memo } from 'react';
import { Icon } from '../ui/Icon';
import { useSortableRow } from '../ui/useSortableRow';
import { proposersOf } from './catalogModel';
import type { RowTexts } from './rowTexts';

export interface IdeaRowProps {
  /** The list's words, translated once for every row (rowTexts.ts). */
  texts: RowTexts;
  idea: IdeaView;
  position: number;
  count: number;
  decision: Decision | undefined;
  /** The titles of the ideas that read alike, joined (a string, so the row's memo compares it by value). */
  similar: string;
  similarCount: number;
  deleted: number;
  selected: boolean;
  onSelect: (ideaId: string) => void;
  onMove: (ideaId: string, delta: number) => void;
}

/**
 * One idea in the list: a drag source and drop target (@dnd-kit) around the row's content. @dnd-kit re-renders
 * every draggable whenever its context changes (each row registering itself on open, a drag starting), so that
 * part is kept small, and the content — the translated words, the marks, the buttons — is a memoised component of
 * its own that renders only when its idea, marks or position change.
 */
export const IdeaRow = memo(function IdeaRow(props: IdeaRowProps) {
  const { texts, idea, selected } = props;
  const row = useSortableRow(idea.id);
  const { drag } = row;
  const title = idea.title.trim() || texts.untitled;

  return (
    <li
      ref={row.setNodeRef}
      className="idea-row"
      data-testid="idea-row"
      data-idea-id={idea.id}
      data-selected={selected || undefined}
      data-dragging={row.isDragging || undefined}
      data-over={row.isOver || undefined}
      style={row.style}
    >
      <button
        type="button"
        className="idea-handle"
        data-testid="idea-drag"
        aria-label={texts.dragHandle(title)}
        title={texts.hint}
        {...drag.attributes}
        {...drag.listeners}
      >
        <Icon name="grip" />
      </button>
      <IdeaRowContent {...props} title={title} />
    </li>
  );
});

/** The row's number, title, facts and marks, and its move buttons. */
const IdeaRowContent = memo(function IdeaRowContent(props: IdeaRowProps & { title: string }) {
  const { texts, idea, title, position, count, decision, similar, similarCount, deleted, selected, onSelect, onMove } =
    props;
  const proposers = proposersOf(idea);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(idea.id, event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <>
      <span className="idea-number" aria-hidden="true">
        {position}
      </span>
      <button
        type="button"
        className="stack idea-row-main"
        data-testid="idea-open"
        aria-current={selected || undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onClick={() => onSelect(idea.id)}
        onKeyDown={onKeyDown}
      >
        <span className="idea-row-title" data-testid="idea-title">
          {title}
        </span>
        <span className="row idea-row-meta">
          {idea.category && (
            <span className="chip" data-testid="idea-category">
              {idea.category}
            </span>
          )}
          <span data-testid="idea-source-count">{texts.sourceCount(idea.provenance.length)}</span>
          <span className="idea-row-proposers">
            {proposers.length > 0 ? texts.proposers(proposers.join(', ')) : texts.noProposers}
          </span>
        </span>
        {(decision || similarCount > 0 || deleted > 0) && (
          <span className="row idea-row-flags">
            {decision && (
              <span className="decision-badge" data-decision={decision} data-testid="idea-decision">
                {texts.decision(decision)}
              </span>
            )}
            {deleted > 0 && (
              <span className="source-flag source-flag-deleted" data-testid="idea-deleted-sources">
                {texts.deletedSources(deleted)}
              </span>
            )}
            {similarCount > 0 && (
              <span className="similar-hint" data-testid="idea-similar" title={texts.similarHint(similar)}>
                {texts.similar(similarCount)}
              </span>
            )}
          </span>
        )}
      </button>
      <span className="idea-move">
        <button
          type="button"
          className="icon-button"
          data-testid="idea-move-up"
          aria-label={texts.moveUp(title)}
          disabled={position === 1}
          onClick={() => onMove(idea.id, -1)}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="idea-move-down"
          aria-label={texts.moveDown(title)}
          disabled={position === count}
          onClick={() => onMove(idea.id, 1)}
        >
          <Icon name="down" />
        </button>
      </span>
    </>
  );
});
