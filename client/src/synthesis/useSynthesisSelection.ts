import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrayEntry } from './SelectionTray';
import { EMPTY_SELECTION, type Selection, selectedNotes, suggestedTitle } from './selection';
import type { SynthesisBoards } from './useSynthesisBoards';

export interface SynthesisSelection {
  /** The picks whose note or theme still exists. */
  live: Selection;
  /** Every note the picks stand for (a theme's notes included), by board. */
  picked: ReturnType<typeof selectedNotes>;
  entries: TrayEntry[];
  /** The idea's title as the tray shows it: typed, or suggested from the first pick. */
  title: string;
  setTitle(title: string | null): void;
  /** The labels of the boards the picks come from. */
  boardLabels: string[];
  /** Replaces the picks; an empty selection forgets a typed title. */
  replace(next: Selection): void;
}

/** What is picked for the next idea in the synthesis view, and the tray's view of it. */
export function useSynthesisSelection({
  contentOf,
  lookup,
  labelOf,
}: Pick<SynthesisBoards, 'contentOf' | 'lookup' | 'labelOf'>): SynthesisSelection {
  const { t } = useTranslation();
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [title, setTitle] = useState<string | null>(null);

  // Picks whose note or theme was deleted meanwhile drop out of what is shown and sent.
  const live = useMemo(
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
  const picked = useMemo(() => selectedNotes(live, lookup), [live, lookup]);
  const entries = useMemo<TrayEntry[]>(
    () =>
      live.map((pick) => {
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
    [live, contentOf, labelOf, lookup, t],
  );
  const prefilled = useMemo(() => {
    const first = entries[0];
    if (!first) return '';
    return first.pick.kind === 'cluster'
      ? suggestedTitle({ clusterTitle: first.text })
      : suggestedTitle({ noteText: first.text });
  }, [entries]);
  const boardLabels = [...new Set(live.map((pick) => labelOf(pick.boardId)))];

  const replace = (next: Selection) => {
    setSelection(next);
    if (next.length === 0) setTitle(null);
  };
  return { live, picked, entries, title: title ?? prefilled, setTitle, boardLabels, replace };
}
