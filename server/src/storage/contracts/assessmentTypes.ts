import type { DecisionChange } from '@samle/shared';

/** Every change to a leadership assessment: who, when, which field, from what to what. */
export interface DecisionHistoryStore {
  recordChanges(workshopId: string, changes: readonly DecisionChange[]): Promise<void>;
  history(workshopId: string, ideaId: string): Promise<DecisionChange[]>;
}
