import type { GatherBody } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { ApiRequestError, type Credential } from '../api/http';
import { gatherIntoIdea } from './gatherApi';
import type { GatherState } from './SelectionTray';

const GATHER_ERRORS = ['CATALOG_EDITORS_ONLY', 'BOARD_NOT_IN_WORKSHOP', 'NOTHING_TO_GATHER'] as const;

export interface Gathering {
  state: GatherState;
  /** Gathers `sources` into a new idea called `title`; `onGathered` runs once the server has it. */
  gather(title: string, sources: GatherBody['sources'], onGathered: () => void): Promise<void>;
  /** A new selection starts afresh: a finished or failed gathering stops being shown. */
  settle(): void;
  dismiss(): void;
}

/** Gathering the picked notes into a catalog idea (`POST …/catalog/gather`), and what the tray says of it. */
export function useGathering(workshopId: string, credential: Credential): Gathering {
  const { t } = useTranslation();
  const [state, setState] = useState<GatherState>({ kind: 'idle' });
  const gather = async (title: string, sources: GatherBody['sources'], onGathered: () => void) => {
    if (sources.length === 0 || !title) return;
    setState({ kind: 'gathering' });
    try {
      const result = await gatherIntoIdea(workshopId, { title, sources }, credential);
      setState({ kind: 'done', title, count: result.sources });
      onGathered();
    } catch (error) {
      const code = error instanceof ApiRequestError ? error.code : '';
      const known = GATHER_ERRORS.find((c) => c === code);
      setState({ kind: 'failed', reason: known ? t(`synthesis.errors.${known}`) : apiErrorMessage(t, error) });
    }
  };
  return {
    state,
    gather,
    settle: () => {
      if (state.kind === 'done' || state.kind === 'failed') setState({ kind: 'idle' });
    },
    dismiss: () => setState({ kind: 'idle' }),
  };
}
