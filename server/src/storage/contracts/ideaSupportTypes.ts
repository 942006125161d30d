/**
 * Participants' support for catalog ideas: one per person per idea. Whether support
 * is open is the facilitator's switch (in the published doc); the store only keeps who
 * supports what.
 */
export interface IdeaSupportStore {
  /** Adds or removes one person's support; returns whether anything changed. */
  setIdeaSupport(
    workshopId: string,
    ideaId: string,
    personId: string,
    supported: boolean,
    at: number,
  ): Promise<boolean>;
  /** Supporters per idea of the workshop; ideas nobody supports are absent. */
  ideaSupportCounts(workshopId: string): Promise<Record<string, number>>;
  /** The ideas one person supports. */
  ideasSupportedBy(workshopId: string, personId: string): Promise<string[]>;
}
