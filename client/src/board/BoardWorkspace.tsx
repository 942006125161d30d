import type { FollowView, NoteView, Viewport as SharedViewport } from '@samle/shared';
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { FacilitatorCommands } from '../facilitation/useFacilitatorCommands';
import { useFollowGlide, useFollowLeader } from '../facilitation/useFollowMode';
import { selectedNoteIds } from '../interaction/selection';
import { boundingRect, centreOn, openingView } from '../interaction/viewport';
import type { Identity } from '../presence/identity';
import { usePeers } from '../presence/usePeers';
import { usePresence } from '../presence/usePresence';
import { boardWithDrafts } from '../privateWriting/boardWithDrafts';
import { useDraftNotes } from '../privateWriting/useDrafts';
import type { DocConnection } from '../sync/docConnection';
import { useClusters, useNotes } from '../sync/useBoardDoc';
import { useElementSize } from '../ui/useElementSize';
import type { ActionTools } from './ActionButton';
import { BoardCanvas } from './BoardCanvas';
import { BoardToolbar } from './BoardToolbar';
import { selectionState } from './boardActions';
import type { Spotlight } from './boardTypes';
import type { ClusterLabels } from './ClusterFrame';
import { ClusterToolbar } from './ClusterToolbar';
import { fillIn } from './fillIn';
import { type NoteLabels, sizeName } from './NoteCard';
import { SelectionToolbar } from './SelectionToolbar';
import { ShortcutsHelp, ShortcutsToggle } from './ShortcutsToggle';
import { type BoardLabels, useBoardController } from './useBoardController';
import type { BoardHistory } from './useBoardHistory';
import { useBoardKeys } from './useBoardKeys';

/** How long a note opened by a link keeps its ring. */
const HIGHLIGHT_MS = 4000;
/** Narrower canvases (phones) open readable rather than showing the whole board at a few per cent. */
const PHONE_WIDTH = 600;
const NO_NOTES: readonly NoteView[] = [];

/** The one value all items share, or undefined when they differ (or there are none). */
function shared<T>(values: readonly T[]): T | undefined {
  const [first] = values;
  return values.every((value) => value === first) ? first : undefined;
}

/** Follow mode and spotlight, as the canvas needs them. */
export interface WorkspaceLive {
  follow: FollowView;
  /** This person's view follows the facilitator's now. */
  following: boolean;
  /** The facilitator: streams their view while follow mode is on, and spotlights themes. */
  leader: { commands: FacilitatorCommands; latest: RefObject<SharedViewport | null> } | undefined;
}

/** The canvas with its toolbars: everything below the header on a board page in canvas view. */
export function BoardWorkspace({
  connection,
  drafts,
  holdNewNotes,
  live,
  identity,
  synced,
  readOnly,
  anonymous,
  history,
  linkedNote,
}: {
  connection: DocConnection;
  /** This person's drafts doc while private writing is on: new notes go there. */
  drafts: Y.Doc | undefined;
  /** Private writing is on but the drafts doc is not open yet. */
  holdNewNotes: boolean;
  live: WorkspaceLive;
  identity: Identity;
  synced: boolean;
  /** The server said this board may only be read: no affordance that would change it. */
  readOnly: boolean;
  anonymous: boolean;
  history: BoardHistory;
  /** A note the link points at (`?note=`), known to be on the board: centred, highlighted and focused once. */
  linkedNote?: string | undefined;
}) {
  const { t } = useTranslation();
  const { doc, provider } = connection;
  const workspaceRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(canvasRef);
  const boardNotes = useNotes(doc);
  const draftNotes = useDraftNotes(drafts);
  const { notes, draftIds } = useMemo(() => boardWithDrafts(boardNotes, draftNotes), [boardNotes, draftNotes]);
  const clusters = useClusters(doc);
  const peers = usePeers(provider.awareness);
  const publishCursor = usePresence(provider.awareness, identity);

  const labels = useMemo<BoardLabels>(
    () => ({
      created: t('note.created'),
      deleted: (count) => t('selection.deleted', { count }),
      duplicated: (count) => t('selection.duplicated', { count }),
      grouped: (count) => t('selection.grouped', { count }),
      clusterCreated: t('cluster.created'),
      clusterDeleted: t('cluster.deleted'),
      tidied: t('cluster.tidied'),
    }),
    [t],
  );
  const spotlight = useSpotlight(live);
  const controller = useBoardController({
    doc,
    notes,
    drafts: drafts ? { doc: drafts, ids: draftIds } : undefined,
    holdNewNotes,
    clusters,
    identity,
    anonymous,
    canvasRef,
    size,
    labels,
    readOnly,
    history,
    spotlight,
  });
  const { selection, run } = controller;
  const selectionKind = selection.kind === 'none' ? undefined : selection.kind;
  const spaceHeld = useBoardKeys(workspaceRef, selectionKind, run, readOnly);

  const noteLabels = useMemo<NoteLabels>(
    () => ({
      label: fillIn((text) => t('note.label', { text })),
      empty: t('note.labelEmpty'),
      textLabel: t('note.textLabel'),
      placeholder: t('note.placeholder'),
      by: fillIn((name) => t('note.by', { name })),
      draftLabel: fillIn((text) => t('privateWriting.draftLabel', { text })),
      draftEmpty: t('privateWriting.draftEmpty'),
      onlyYou: t('privateWriting.onlyYou'),
    }),
    [t],
  );
  const clusterLabels = useMemo<ClusterLabels>(
    () => ({
      label: (title, count) => t('cluster.label', { title, count }),
      untitled: t('cluster.untitled'),
      titleLabel: t('cluster.titleLabel'),
      placeholder: t('cluster.placeholder'),
      count: (count) => t('cluster.count', { count }),
      resize: t('cluster.resize'),
    }),
    [t],
  );

  // Follow mode: the facilitator streams their view; everyone else's glides along.
  const noLatest = useRef<SharedViewport | null>(null);
  useFollowLeader(controller.viewport, {
    active: live.follow.on && live.leader !== undefined,
    commands: live.leader?.commands,
    latest: live.leader?.latest ?? noLatest,
    size,
  });
  useFollowGlide(
    live.follow.viewport,
    live.following && size.width > 0,
    controller.viewportRef,
    controller.showViewport,
    size,
  );

  // Show the board once, when it first arrives from the server (not while following someone).
  const fitted = useRef(false);
  // The canvas mounts the notes once that opening view is set: a 10,000-note board would otherwise mount the
  // notes around the origin at 100 % (editors, votes, measured) only to replace them a frame later.
  const [opened, setOpened] = useState(false);
  // Someone who has already clicked, scrolled or typed on the board (it can be written before the server's answer
  // arrives) keeps the view they work in: the opening view must not move a note from under their next click.
  const acted = useRef(false);
  const act = () => {
    acted.current = true;
  };

  // A link to one note: centre on it instead, ring it for a few seconds and give it keyboard focus.
  const [highlighted, setHighlighted] = useState<string>();
  const centredOn = useRef<string>(undefined);
  useEffect(() => {
    if (!linkedNote || centredOn.current === linkedNote || !synced || size.width === 0) return;
    const note = notes.find((n) => n.id === linkedNote);
    if (!note) return;
    centredOn.current = linkedNote;
    fitted.current = true;
    setOpened(true);
    controller.showViewport(centreOn({ x: note.x, y: note.y, width: note.w, height: note.h }, size));
    setHighlighted(linkedNote);
  }, [linkedNote, synced, size, notes, controller]);
  const { selectNote } = controller;
  useEffect(() => {
    if (!highlighted) return;
    selectNote(highlighted, true);
    const fade = window.setTimeout(() => setHighlighted(undefined), HIGHLIGHT_MS);
    return () => window.clearTimeout(fade);
  }, [highlighted, selectNote]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the board first arrives (the counts say it has).
  useEffect(() => {
    if (fitted.current || !synced || size.width === 0) return;
    fitted.current = true;
    setOpened(true);
    if (live.following || acted.current) return;
    // Readable from the start: on a phone a wide board opens at its top left, not fitted to a few per cent.
    const content = boundingRect([...notes, ...clusters].map((r) => ({ x: r.x, y: r.y, width: r.w, height: r.h })));
    // A laptop or big screen still opens on the whole board (a look at everything first).
    if (content) controller.showViewport(openingView(content, size, size.width < PHONE_WIDTH ? undefined : 0));
  }, [synced, size.width, notes.length, clusters.length, live.following]);

  const selectedIds = new Set(selectedNoteIds(selection));
  const selectedNotes = notes.filter((note) => selectedIds.has(note.id));
  const selectedCluster = selection.kind === 'cluster' ? clusters.find((c) => c.id === selection.id) : undefined;
  const tools: ActionTools = { state: selectionState(selection, readOnly, history, spotlight), run };

  const overlay = !synced ? (
    <div className="stack canvas-overlay" role="status" data-testid="board-loading">
      <span className="spinner" aria-hidden="true" />
      {t('board.loading')}
    </div>
  ) : notes.length === 0 && clusters.length === 0 && !drafts ? (
    <div className="stack canvas-overlay canvas-empty" data-testid="board-empty">
      <div className="empty-art" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <p className="empty-title">{t('board.emptyTitle')}</p>
      {!readOnly && <p className="muted">{t('board.emptyHint')}</p>}
    </div>
  ) : null;

  return (
    <div
      className="workspace"
      ref={workspaceRef}
      onPointerDownCapture={act}
      onWheelCapture={act}
      onKeyDownCapture={act}
    >
      <BoardCanvas
        doc={doc}
        notes={opened ? notes : NO_NOTES}
        drafts={drafts ? { doc: drafts, ids: draftIds } : undefined}
        clusters={clusters}
        peers={peers}
        controller={controller}
        canvasRef={canvasRef}
        size={size}
        spaceHeld={spaceHeld}
        label={t('board.canvasLabel', { count: boardNotes.length })}
        noteLabels={noteLabels}
        clusterLabels={clusterLabels}
        hideAuthors={anonymous}
        highlightedNote={highlighted}
        readOnly={readOnly}
        overlay={overlay}
        onCursor={publishCursor}
      />
      <div className="toolbars">
        <BoardToolbar zoom={controller.viewport.zoom} tools={tools} readOnly={readOnly} />
        {selectedNotes.length > 0 && !readOnly && (
          <SelectionToolbar
            count={selectedNotes.length}
            color={shared(selectedNotes.map((n) => n.color))}
            size={shared(selectedNotes.map((n) => sizeName(n)))}
            tools={tools}
          />
        )}
        {selectedCluster && !readOnly && <ClusterToolbar color={selectedCluster.color} tools={tools} />}
      </div>
      <div className="shortcuts-bar">
        {!readOnly && <ShortcutsToggle />}
        <ShortcutsHelp readOnly={readOnly} />
        <p className="shortcuts-hint" aria-hidden="true">
          {readOnly ? t('board.readOnlyHint') : t('board.shortcuts')}
        </p>
      </div>
      <div className="sr-only" aria-live="polite">
        {controller.announcement}
      </div>
    </div>
  );
}

/** The facilitator's spotlight, for the actions table's spotlight row; none for anyone else. */
function useSpotlight(live: WorkspaceLive): Spotlight | undefined {
  const commands = live.leader?.commands;
  const clusterId = live.follow.spotlightClusterId ?? null;
  return useMemo(
    () =>
      commands && {
        clusterId,
        show: (id: string | null) => void commands.follow({ spotlightClusterId: id }),
      },
    [commands, clusterId],
  );
}
