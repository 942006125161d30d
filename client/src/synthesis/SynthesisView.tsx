import type { Session, WorkshopDetail } from '@samle/shared';
import { type KeyboardEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { workshopPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { BoardFeed } from './BoardFeed';
import { useCatalogMarks } from './catalogMarks';
import { type GridPosition, isGridKey, moveInGrid, tabInGrid } from './focusGrid';
import { type ColumnHandle, MiniBoard } from './MiniBoard';
import { PickedKeys } from './pickedKeys';
import { SelectionTray } from './SelectionTray';
import { SuggestionsPanel } from './SuggestionsPanel';
import {
  EMPTY_SELECTION,
  gatherSources,
  type Pick,
  pickKey,
  removePick,
  type Selection,
  selectOnly,
  togglePick,
} from './selection';
import { acceptSuggestion, type Suggestion, suggestFromBoards } from './suggestions';
import { useGathering } from './useGathering';
import { useNoteVotes } from './useNoteVotes';
import { useSynthesisBoards } from './useSynthesisBoards';
import { useSynthesisSearch } from './useSynthesisSearch';
import { useSynthesisSelection } from './useSynthesisSelection';

const NO_VOTES: Readonly<Record<string, number>> = {};

/**
 * The synthesis view of one session: every board side by side, live and read
 * only; search across them; select notes and themes anywhere; gather them into
 * a catalog idea; and suggested groups from the notes' words. The boards, the
 * search, the selection and the gathering each have their hook; this renders them.
 */
export function SynthesisView(props: {
  detail: WorkshopDetail;
  session: Session;
  credential: Credential;
  searchRef?: React.RefObject<HTMLInputElement | null>;
}) {
  const { detail, session, credential } = props;
  const { t } = useTranslation();
  const workshopId = detail.workshop.id;
  const token = syncToken(credential);
  const synthesisBoards = useSynthesisBoards(session);
  const { boards, contentOf, onContent, lookup, labelOf, allReady, totalNotes } = synthesisBoards;
  const search = useSynthesisSearch(synthesisBoards);
  const { query, setQuery, terms, stats: searchStats } = search;
  const selection = useSynthesisSelection(synthesisBoards);
  const { live: liveSelection, picked, entries, title: shownTitle, setTitle, boardLabels: pickedBoards } = selection;
  const gathering = useGathering(workshopId, credential);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const marks = useCatalogMarks(workshopId, token);
  const votes = useNoteVotes(workshopId, credential);
  const [sortByVotes, setSortByVotes] = useState(false);
  const gridRef = useRef<HTMLElement>(null);

  const changeSelection = (next: Selection) => {
    selection.replace(next);
    gathering.settle();
  };
  // The rows get one onPick for the page's life (so a pick does not re-render every column); it acts on the
  // selection of the latest render.
  const latest = useRef({ liveSelection, changeSelection });
  latest.current = { liveSelection, changeSelection };
  const onPick = useCallback((pick: Pick, additive: boolean) => {
    const { liveSelection: now, changeSelection: change } = latest.current;
    change(additive ? togglePick(now, pick) : selectOnly(pick));
  }, []);
  // What the picks stand for, for the rows to read by key: the selected notes and the picked themes.
  const [pickedKeys] = useState(() => new PickedKeys());
  const keys = useMemo(
    () => new Set([...picked, ...liveSelection.filter((pick) => pick.kind === 'cluster').map(pickKey)]),
    [picked, liveSelection],
  );
  useLayoutEffect(() => pickedKeys.replace(keys), [pickedKeys, keys]);

  // Notes already in the catalog stay in (marked): a new idea may well belong with them.
  const runSuggestions = () => {
    setSuggestions(
      suggestFromBoards(
        boards.map((board) => ({ boardId: board.id, notes: contentOf(board.id).notes })),
        { dismissed },
      ),
    );
  };

  const runGather = () =>
    gathering.gather(shownTitle.trim(), gatherSources(liveSelection, lookup), () => selection.replace(EMPTY_SELECTION));

  // The columns are virtualised: the keyboard moves by each column's rows, scrolling a row in before focusing it.
  const columns = useRef(new Map<number, ColumnHandle>());
  const onHandle = useCallback((column: number, handle: ColumnHandle | null) => {
    if (handle) columns.current.set(column, handle);
    else columns.current.delete(column);
  }, []);
  const lengths = () => boards.map((_, column) => columns.current.get(column)?.count() ?? 0);
  const focusAt = (to: GridPosition) => columns.current.get(to.column)?.focusRow(to.row);

  const onGridKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const tab = event.key === 'Tab';
    if (!tab && !isGridKey(event.key)) return;
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !active.hasAttribute('data-synth-item')) return;
    const column = Number(active.closest<HTMLElement>('[data-synth-column]')?.dataset.synthColumn);
    const row = Number(active.closest<HTMLElement>('[data-index]')?.dataset.index);
    if (!Number.isInteger(column) || !Number.isInteger(row)) return;
    const at = { column, row };
    const next = tab
      ? tabInGrid(lengths(), at, event.shiftKey)
      : isGridKey(event.key)
        ? moveInGrid(lengths(), at, event.key)
        : null;
    // Tab past the last item (or Shift+Tab before the first) leaves the boards as usual.
    if (!next) return;
    event.preventDefault();
    focusAt(next);
  };

  // Enter in the search field goes to the first matching note (scrolled in, then focused); Space then picks it.
  const jumpToMatch = () => {
    for (let column = 0; column < boards.length; column++) {
      const row = columns.current.get(column)?.nextMatch() ?? -1;
      if (row >= 0) {
        focusAt({ column, row });
        return;
      }
    }
  };

  return (
    <div className="synth-view" data-testid="synthesis-view" data-session-id={session.id}>
      {boards.map((board) => (
        <BoardFeed key={board.id} boardId={board.id} token={token} onContent={onContent} />
      ))}
      <div className="synth-toolbar">
        <div className="synth-search">
          <label className="sr-only" htmlFor="synth-search">
            {t('synthesis.search')}
          </label>
          <Icon name="search" />
          <input
            id="synth-search"
            ref={props.searchRef}
            type="search"
            className="text-input"
            data-testid="synth-search"
            placeholder={t('synthesis.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setQuery('');
              if (event.key === 'Enter') {
                event.preventDefault();
                jumpToMatch();
              }
            }}
          />
          {query && (
            <button
              type="button"
              className="icon-button"
              aria-label={t('synthesis.clearSearch')}
              onClick={() => setQuery('')}
            >
              <Icon name="close" />
            </button>
          )}
        </div>
        <p className="synth-search-summary" role="status" data-testid="search-summary">
          {searchStats
            ? searchStats.notes === 0
              ? t('synthesis.noMatches', { query: query.trim() })
              : t('synthesis.searchSummary', { count: searchStats.notes, boards: searchStats.boards })
            : ''}
        </p>
        <button
          type="button"
          className="button"
          data-testid="sort-by-votes"
          aria-pressed={sortByVotes}
          onClick={() => setSortByVotes((on) => !on)}
        >
          {sortByVotes ? t('evidence.sortByBoard') : t('evidence.sortByVotes')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="suggest-groups"
          aria-expanded={suggestions !== null}
          disabled={!allReady || totalNotes === 0}
          onClick={() => (suggestions ? setSuggestions(null) : runSuggestions())}
        >
          <Icon name="spark" />
          {suggestions ? t('synthesis.suggest.hide') : t('synthesis.suggest.button')}
        </button>
      </div>
      <p className="synth-hint muted">{t('synthesis.keyboardHint')}</p>
      <div className="synth-layout">
        <div className="synth-main">
          {suggestions && (
            <SuggestionsPanel
              suggestions={suggestions}
              boardLabel={labelOf}
              marks={marks}
              onAccept={(suggestion) => {
                changeSelection(acceptSuggestion(suggestion));
                setTitle(null);
              }}
              onDismiss={(suggestion) => {
                setDismissed((old) => new Set([...old, suggestion.key]));
                setSuggestions((old) => old?.filter((s) => s.key !== suggestion.key) ?? null);
              }}
              onAgain={runSuggestions}
            />
          )}
          {boards.length === 0 ? (
            <div className="synth-empty" data-testid="synth-no-boards">
              <p>{t('synthesis.noBoards')}</p>
              <a className="button" href={workshopPath(workshopId)}>
                {t('synthesis.back')}
              </a>
            </div>
          ) : (
            <>
              {allReady && totalNotes === 0 && (
                <p className="notice synth-no-notes" data-testid="synth-no-notes">
                  {t('synthesis.noNotes')}
                </p>
              )}
              <section
                className="synth-boards"
                ref={gridRef}
                onKeyDown={onGridKey}
                aria-label={t('synthesis.boardsLabel', { session: session.title })}
              >
                {boards.map((board, column) => {
                  const content = contentOf(board.id);
                  return (
                    <MiniBoard
                      key={board.id}
                      board={board}
                      column={column}
                      content={content}
                      terms={terms}
                      picked={pickedKeys}
                      marks={marks}
                      votes={votes.boards[board.id] ?? NO_VOTES}
                      sortByVotes={sortByVotes}
                      onPick={onPick}
                      onHandle={onHandle}
                    />
                  );
                })}
              </section>
            </>
          )}
        </div>
        <SelectionTray
          entries={entries}
          noteCount={picked.size}
          boardLabels={pickedBoards}
          title={shownTitle}
          onTitle={setTitle}
          onRemove={(pick) => changeSelection(removePick(liveSelection, pick))}
          onClear={() => changeSelection(EMPTY_SELECTION)}
          onGather={() => void runGather()}
          gather={gathering.state}
          catalogHref={`${workshopPath(workshopId)}/catalog`}
          onDismissDone={gathering.dismiss}
        />
      </div>
    </div>
  );
}
