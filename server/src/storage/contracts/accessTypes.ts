/** An invite link's record: the link itself is a signed token naming this id (docs/access.md). */
export interface InviteRecord {
  id: string;
  workshopId: string;
  role: 'leader' | 'viewer';
  /** The link lets one person in, once; later uses are refused. */
  singleUse: boolean;
  createdAt: number;
  expiresAt: number;
  /** When a single-use link was used. */
  usedAt: number | null;
  revokedAt: number | null;
}

/** Credentials beside the people they admit: invite links, browsers that joined, join codes. */
export interface AccessStore {
  createInvite(invite: InviteRecord): Promise<void>;
  getInvite(id: string): Promise<InviteRecord | null>;
  /** The workshop's invite links, newest first, with how many people came in by each. */
  listInvites(workshopId: string): Promise<Array<InviteRecord & { joined: number }>>;
  revokeInvite(id: string, now: number): Promise<void>;
  /** Marks a single-use link used; false when it was used or revoked already (two people at once: one wins). */
  claimSingleUse(id: string, now: number): Promise<boolean>;

  /** Records the invite link a person came in by. */
  recordInvite(personId: string, inviteId: string): Promise<void>;
  /** The invite link a person came in by. */
  inviteOf(personId: string): Promise<string | null>;
  /** The person this browser (its keyed hash) is in the workshop, revoked or not. */
  personOfBrowser(workshopId: string, browserKeyHash: string): Promise<string | null>;
  /** From now on this browser comes back as `personId`. */
  rememberBrowser(workshopId: string, browserKeyHash: string, personId: string): Promise<void>;
  /** Every browser of `fromId` comes back as `intoId` from now on (merging duplicate people). */
  moveBrowsers(fromId: string, intoId: string): Promise<void>;

  /**
   * Folds a duplicate person's contributions into the kept one, so merging never counts a person
   * twice: supports join the kept person's; in each open vote round and each evaluation, the
   * duplicate's votes or answer move over only where the kept person has none, else they are
   * dropped (a budget or an answer is per person). Evaluation answers are keyed by keyed hashes.
   */
  mergeContributions(
    from: { personId: string; respondentKey: string },
    into: { personId: string; respondentKey: string },
  ): Promise<void>;

  /** Sets or clears (closes) a session's participant join code. */
  setJoinCode(sessionId: string, code: string | null): Promise<void>;
}
