import type { Me } from '@samle/shared';
import { getMe } from '../api/workshopApi';

/**
 * Who is signed in (`GET /api/auth/me`), shared by the header, the start page,
 * the cockpit and the board page. Loaded once per page load and after signing
 * in or out.
 */
export type MeState = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'error'; error: unknown };

let state: MeState = { status: 'loading' };
/** Settles with the state it published; never rejects (the error is part of the state). */
let pending: Promise<MeState> | undefined;
const listeners = new Set<() => void>();

function publish(next: MeState): MeState {
  state = next;
  for (const listener of listeners) listener();
  return next;
}

function ask(): Promise<MeState> {
  pending ??= getMe().then(
    (me) => publish({ status: 'ready', me }),
    (error: unknown) => {
      pending = undefined;
      return publish({ status: 'error', error });
    },
  );
  return pending;
}

export const meStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): MeState => state,

  /** Starts loading if nobody has; the outcome arrives as state. */
  ensureLoaded(): void {
    void ask();
  },

  /** The current answer, asking the server only the first time. */
  async load(): Promise<Me> {
    const settled = await ask();
    if (settled.status === 'ready') return settled.me;
    throw settled.status === 'error' ? settled.error : new Error('meStore: still loading');
  },

  /** Asks again after an error; the outcome arrives as state. */
  retry(): void {
    pending = undefined;
    publish({ status: 'loading' });
    void ask();
  },

  set(me: Me): void {
    pending = Promise.resolve(publish({ status: 'ready', me }));
  },
};

/** True when a facilitator is signed in; false when not, or when it could not be found out. */
export async function isSignedIn(): Promise<boolean> {
  const settled = await ask();
  // Without an answer we act as a guest; pages that need the account show the error themselves.
  return settled.status === 'ready' && settled.me.facilitator !== null;
}
