import type { Session, WorkshopDetail } from '@samle/shared';
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncToken } from '../api/credentials';
import { apiErrorMessage } from '../api/errorMessage';
import { ApiRequestError, type Credential } from '../api/http';
import { workshopPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { BoardFeed } from './BoardFeed';
import { type BoardContent, LOADING_BOARD, synthesisBoards } from './boards';
import { useCatalogMarks } from './catalogMarks';
import { isGridKey, moveInGrid } from './focusGrid';
import { gatherIntoIdea } from './gatherApi';
import { MiniBoard } from './MiniBoard';
import { type GatherState, SelectionTray, type TrayEntry } from './SelectionTray';
import { SuggestionsPanel } from './SuggestionsPanel';
import { matchRanges, queryTerms } from './search';
import {
  type BoardLookup,
  EMPTY_SELECTION,
  gatherSources,
  type Pick,
  removePick,
  type Selection,
  selectedNotes,
  selectOnly,
  suggestedTitle,
  togglePick,
} from './selection';
import { acceptSuggestion, type Suggestion, suggestFromBoards } from './suggestions';
import { useNoteVotes } from './useNoteVotes';

const NO_VOTES: Readonly<Record<string, number>> = {};

const GATHER_ERRORS = ['CATALOG_EDITORS_ONLY', 'BOARD_NOT_IN_WORKSHOP', 'NOTHING_TO_GATHER'] as const;

/**
 * The synthesis view of one session: every board side by side, live and read
 * only; search across them; select notes and themes anywhere; gather them into
 * a catalog idea; and suggested groups from the notes' words.
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
  const boards = useMemo(() => synthesisBoards(session), [session]);
  const [contents, setContents] = useState<Record<string, BoardContent>>({});
  const [query, setQuery] = useState('');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [title, setTitle] = useState<string | null>(null);
  const [gather, setGather] = useState<GatherState>({ kind: 'idle' });
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const marks = useCatalogMarks(workshopId, token);
  const votes = useNoteVotes(workshopId, credential);
  const [sortByVotes, setSortByVotes] = useState(false);
  const gridRef = useRef<HTMLElement>(null);

  const onContent = useCallback((boardId: string, content: BoardContent) => {
    setContents((old) => (old[boardId] === content ? old : { ...old, [boardId]: content }));
  }, []);
  const contentOf = useCallback((boardId: string) => contents[boardId] ?? LOADING_BOARD, [contents]);
  const lookup = useMemo<BoardLookup>(
    () => ({
      membersOf: (boardId, clusterId) =>
        contentOf(boardId)
          .notes.filter((note) => note.clusterId === clusterId)
          .map((note) => note.id),
    }),
    [contentOf],
  );
  const labelOf = useCallback((boardId: string) => boards.find((b) => b.id === boardId)?.label ?? '', [boards]);

  // Picks whose note or theme was deleted meanwhile drop out of what is shown and sent.
  const liveSelection = useMemo(
    () =>
      selection.filter((pick) => {
        const content = contentOf(pick.boardId);
        if (content.status !== 'ready') return true;
        return pick.kind === 'note'
          ? content.notes.some((n) => n.id === pick.id)
          : content.clusters.some((c) => c.id === pick.id);
      }),
    [selection, contentOf],
  );
  const picked = useMemo(() => selectedNotes(liveSelection, lookup), [liveSelection, lookup]);
  const entries = useMemo<TrayEntry[]>(
    () =>
      liveSelection.map((pick) => {
        const content = contentOf(pick.boardId);
        if (pick.kind === 'cluster') {
          const cluster = content.clusters.find((c) => c.id === pick.id);
          return {
            pick,
            text: cluster?.title.trim() || t('synthesis.untitledTheme'),
            boardLabel: labelOf(pick.boardId),
            noteCount: lookup.membersOf(pick.boardId, pick.id).length,
          };
        }
        const note = content.notes.find((n) => n.id === pick.id);
        return { pick, text: note?.text ?? '', boardLabel: labelOf(pick.boardId) };
      }),
    [liveSelection, contentOf, labelOf, lookup, t],
  );
  const prefilled = useMemo(() => {
    const first = entries[0];
    if (!first) return '';
    return first.pick.kind === 'cluster'
      ? suggestedTitle({ clusterTitle: first.text })
      : suggestedTitle({ noteText: first.text });
  }, [entries]);
  const shownTitle = title ?? prefilled;
  const pickedBoards = [...new Set(liveSelection.map((pick) => labelOf(pick.boardId)))];

  const changeSelection = (next: Selection) => {
    setSelection(next);
    if (next.length === 0) setTitle(null);
    if (gather.kind === 'done' || gather.kind === 'failed') setGather({ kind: 'idle' });
  };
  const onPick = (pick: Pick, additive: boolean) =>
    changeSelection(additive ? togglePick(liveSelection, pick) : selectOnly(pick));

  const terms = useMemo(() => queryTerms(query), [query]);
  const searchStats = useMemo(() => {
    if (terms.length === 0) return null;
    let notes = 0;
    let onBoards = 0;
    for (const board of boards) {
      const hits = contentOf(board.id).notes.filter((note) => matchRanges(note.text, terms) !== null).length;
      notes += hits;
      if (hits > 0) onBoards += 1;
    }
    return { notes, boards: onBoards };
  }, [terms, boards, contentOf]);

  const allReady = boards.every((board) => contentOf(board.id).status !== 'loading');
  const totalNotes = boards.reduce((sum, board) => sum + contentOf(board.id).notes.length, 0);

  // Notes already in the catalog stay in (marked): a new idea may well belong with them.
  const runSuggestions = () => {
    setSuggestions(
      suggestFromBoards(
        boards.map((board) => ({ boardId: board.id, notes: contentOf(board.id).notes })),
        { dismissed },
      ),
    );
  };

  const runGather = async () => {
    const sources = gatherSources(liveSelection, lookup);
    const ideaTitle = shownTitle.trim();
    if (sources.length === 0 || !ideaTitle) return;
    setGather({ kind: 'gathering' });
    try {
      const result = await gatherIntoIdea(workshopId, { title: ideaTitle, sources }, credential);
      setGather({ kind: 'done', title: ideaTitle, count: result.sources });
      setSelection(EMPTY_SELECTION);
      setTitle(null);
    } catch (error) {
      const code = error instanceof ApiRequestError ? error.code : '';
      const known = GATHER_ERRORS.find((c) => c === code);
      setGather({ kind: 'failed', reason: known ? t(`synthesis.errors.${known}`) : apiErrorMessage(t, error) });
    }
  };

  const onGridKey = (event: KeyboardEvent<HTMLElement>) => {
    if (!isGridKey(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const grid = gridRef.current;
    const active = document.activeElement;
    if (!grid || !(active instanceof HTMLElement) || !active.hasAttribute('data-synth-item')) return;
    const columns = [...grid.querySelectorAll<HTMLElement>('[data-synth-column]')].map((column) => [
      ...column.querySelectorAll<HTMLElement>('[data-synth-item]'),
    ]);
    const column = columns.findIndex((items) => items.includes(active));
    if (column < 0) return;
    const row = columns[column]?.indexOf(active) ?? 0;
    const next = moveInGrid(
      columns.map((items) => items.length),
      { column, row },
      event.key,
    );
    const target = columns[next.column]?.[next.row];
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
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
                  const themes = new Set(
                    liveSelection.filter((p) => p.kind === 'cluster' && p.boardId === board.id).map((p) => p.id),
                  );
                  return (
                    <MiniBoard
                      key={board.id}
                      board={board}
                      column={column}
                      content={content}
                      terms={terms}
                      selectedNotes={picked}
                      pickedThemes={themes}
                      marks={marks}
                      votes={votes.boards[board.id] ?? NO_VOTES}
                      sortByVotes={sortByVotes}
                      onPick={onPick}
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
          gather={gather}
          catalogHref={`${workshopPath(workshopId)}/catalog`}
          onDismissDone={() => setGather({ kind: 'idle' })}
        />
      </div>
    </div>
  );
}
