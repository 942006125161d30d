import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../presence/identity';
import { usePeers } from '../presence/usePeers';
import { usePresence } from '../presence/usePresence';
import type { BoardConnection } from '../sync/boardConnection';
import { useNotes } from '../sync/useBoardDoc';
import { useElementSize } from '../ui/useElementSize';
import { BoardCanvas } from './BoardCanvas';
import { BoardToolbar } from './BoardToolbar';
import type { NoteLabels } from './NoteCard';
import { SelectionToolbar } from './SelectionToolbar';
import { useBoardController } from './useBoardController';
import { useBoardKeys } from './useBoardKeys';

/** The canvas with its toolbars: everything below the header on a board page. */
export function BoardWorkspace({
  connection,
  identity,
  synced,
  readOnly,
}: {
  connection: BoardConnection;
  identity: Identity;
  synced: boolean;
  /** The server said this board may only be read: no affordance that would change it. */
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { doc, provider } = connection;
  const workspaceRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(canvasRef);
  const notes = useNotes(doc);
  const peers = usePeers(provider.awareness);
  const publishCursor = usePresence(provider.awareness, identity);

  const labels = useMemo(() => ({ created: t('note.created'), deleted: t('note.deleted') }), [t]);
  const controller = useBoardController({ doc, notes, identity, canvasRef, size, labels, readOnly });
  const spaceHeld = useBoardKeys(workspaceRef, controller.selectedId !== undefined, controller.run, readOnly);

  const noteLabels = useMemo<NoteLabels>(
    () => ({
      label: (text) => t('note.label', { text }),
      empty: t('note.labelEmpty'),
      textLabel: t('note.textLabel'),
      placeholder: t('note.placeholder'),
      by: (name) => t('note.by', { name }),
    }),
    [t],
  );

  // Show the whole board once, when it first arrives from the server.
  const fitted = useRef(false);
  const { run } = controller;
  useEffect(() => {
    if (fitted.current || !synced || size.width === 0) return;
    fitted.current = true;
    if (notes.length > 0) run({ kind: 'fit' });
  }, [synced, size.width, notes.length, run]);

  const selected = notes.find((note) => note.id === controller.selectedId);

  const overlay = !synced ? (
    <div className="canvas-overlay" role="status" data-testid="board-loading">
      <span className="spinner" aria-hidden="true" />
      {t('board.loading')}
    </div>
  ) : notes.length === 0 ? (
    <div className="canvas-overlay canvas-empty" data-testid="board-empty">
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
    <div className="workspace" ref={workspaceRef}>
      <BoardCanvas
        doc={doc}
        notes={notes}
        peers={peers}
        controller={controller}
        canvasRef={canvasRef}
        size={size}
        spaceHeld={spaceHeld}
        label={t('board.canvasLabel', { count: notes.length })}
        noteLabels={noteLabels}
        readOnly={readOnly}
        overlay={overlay}
        onCursor={publishCursor}
      />
      <div className="toolbars">
        <BoardToolbar zoom={controller.viewport.zoom} run={run} readOnly={readOnly} />
        {selected && !readOnly && (
          <SelectionToolbar
            color={selected.color}
            onRecolor={controller.recolorSelected}
            onEdit={() => controller.editNote(selected.id)}
            onDelete={controller.deleteSelected}
          />
        )}
      </div>
      <p className="shortcuts-hint" aria-hidden="true">
        {readOnly ? t('board.readOnlyHint') : t('board.shortcuts')}
      </p>
      <div className="sr-only" aria-live="polite">
        {controller.announcement}
      </div>
    </div>
  );
}
