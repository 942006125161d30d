import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { Icon } from '../ui/Icon';
import { IDEA_TITLE_MAX, type Pick, pickKey } from './selection';

export interface TrayEntry {
  pick: Pick;
  /** The note's text or the theme's title. */
  text: string;
  /** The board (table) it is on. */
  boardLabel: string;
  /** For a theme: how many notes it holds. */
  noteCount?: number;
}

export type GatherState =
  | { kind: 'idle' }
  | { kind: 'gathering' }
  | { kind: 'done'; title: string; count: number }
  | { kind: 'failed'; reason: string };

/**
 * What is selected, with board/table names, and **Gather**: a title (prefilled
 * from the first theme or note) and the button that makes a catalog idea.
 */
export function SelectionTray(props: {
  entries: TrayEntry[];
  noteCount: number;
  boardLabels: string[];
  title: string;
  onTitle: (title: string) => void;
  onRemove: (pick: Pick) => void;
  onClear: () => void;
  onGather: () => void;
  gather: GatherState;
  catalogHref: string;
  onDismissDone: () => void;
}) {
  const { entries, noteCount, boardLabels, title, onTitle, onRemove, onClear, onGather, gather, catalogHref } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const hintId = useId();
  const empty = entries.length === 0;
  const titleMissing = title.trim().length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (empty || titleMissing || gather.kind === 'gathering') return;
    onGather();
  };

  return (
    <aside className="synth-tray" aria-labelledby={`${titleId}-heading`} data-testid="selection-tray">
      <div className="synth-tray-head">
        <h2 id={`${titleId}-heading`} className="panel-title">
          {t('synthesis.tray.title')}
        </h2>
        {!empty && (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={onClear}
            data-testid="clear-selection"
          >
            {t('synthesis.tray.clear')}
          </button>
        )}
      </div>
      {gather.kind === 'done' && (
        <div className="notice notice-ok synth-gathered" role="status" data-testid="gather-done">
          <p>{t('synthesis.tray.gathered', { title: gather.title, count: gather.count })}</p>
          <a
            className="button button-small"
            href={catalogHref}
            data-testid="catalog-link"
            onClick={(event) => handleLinkClick(event, catalogHref)}
          >
            {t('synthesis.tray.openCatalog')}
            <Icon name="forward" />
          </a>
        </div>
      )}
      {empty ? (
        <p className="synth-tray-empty" data-testid="tray-empty">
          {t('synthesis.tray.empty')}
        </p>
      ) : (
        <>
          <p className="synth-tray-summary" data-testid="tray-summary" data-count={noteCount}>
            {t('synthesis.tray.summary', { count: noteCount, boards: boardLabels.join(', ') })}
          </p>
          <ul className="synth-tray-list">
            {entries.map((entry) => {
              const what = entry.pick.kind === 'cluster' ? t('synthesis.tray.theme') : t('synthesis.tray.note');
              return (
                <li
                  key={pickKey(entry.pick)}
                  className="synth-tray-item"
                  data-testid="tray-item"
                  data-kind={entry.pick.kind}
                >
                  <div className="synth-tray-item-text">
                    <span className="synth-tray-item-where">
                      {entry.pick.kind === 'cluster'
                        ? `${what} · ${t('synthesis.noteCount', { count: entry.noteCount ?? 0 })} · ${entry.boardLabel}`
                        : entry.boardLabel}
                    </span>
                    <span className="synth-tray-item-what">{entry.text || '—'}</span>
                  </div>
                  <button
                    type="button"
                    className="icon-button synth-tray-remove"
                    aria-label={t('synthesis.tray.remove', { what: `${what} “${entry.text}”` })}
                    onClick={() => onRemove(entry.pick)}
                  >
                    <Icon name="close" />
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <form className="synth-gather" onSubmit={submit}>
        <label className="field-label" htmlFor={titleId}>
          {t('synthesis.tray.ideaTitle')}
        </label>
        <input
          id={titleId}
          className="text-input"
          data-testid="gather-title"
          value={title}
          maxLength={IDEA_TITLE_MAX}
          disabled={empty}
          aria-describedby={hintId}
          onChange={(event) => onTitle(event.target.value)}
        />
        <p id={hintId} className="field-hint">
          {!empty && titleMissing ? t('synthesis.tray.titleRequired') : t('synthesis.tray.ideaTitleHint')}
        </p>
        {gather.kind === 'failed' && (
          <p className="field-error" role="alert" data-testid="gather-error">
            {t('synthesis.tray.failed', { reason: gather.reason })}
          </p>
        )}
        <button
          type="submit"
          className="button button-primary button-wide"
          data-testid="gather"
          disabled={empty || titleMissing || gather.kind === 'gathering'}
        >
          <Icon name="merge" />
          {gather.kind === 'gathering' ? t('synthesis.tray.gathering') : t('synthesis.tray.gather')}
        </button>
      </form>
    </aside>
  );
}
