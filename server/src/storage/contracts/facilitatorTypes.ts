export interface FacilitatorRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: number;
}

/** Facilitator accounts and their signed-in sessions (the cookie's token is stored hashed). */
export interface FacilitatorStore {
  countFacilitators(): Promise<number>;
  createFacilitator(facilitator: FacilitatorRecord): Promise<void>;
  findFacilitatorByEmail(email: string): Promise<FacilitatorRecord | null>;
  getFacilitator(id: string): Promise<FacilitatorRecord | null>;

  createAuthSession(tokenHash: string, facilitatorId: string, now: number, expiresAt: number): Promise<void>;
  /** The facilitator of an unexpired auth session. */
  findAuthSession(tokenHash: string, now: number): Promise<string | null>;
  deleteAuthSession(tokenHash: string): Promise<void>;
  /** A new password hash; every session of that facilitator ends (a reset signs out everywhere). */
  setFacilitatorPassword(facilitatorId: string, passwordHash: string): Promise<void>;
}
