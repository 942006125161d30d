import type { Principal } from './AccessService.js';

/**
 * Counts live sync sockets per grant (a person, or a facilitator's account) on
 * this instance, so one leaked or scripted grant cannot hold thousands of
 * sockets and the memory behind them. Operator tokens are not counted: they are
 * minted by whoever runs the server, for scripts and load tests.
 */
export class SocketBudget {
  private readonly held = new Map<string, number>();

  constructor(private readonly maxPerGrant: number) {}

  /** Takes one socket for the principal; returns how to give it back, or null when the grant has none left. */
  take(principal: Principal): (() => void) | null {
    const key = grantKey(principal);
    if (key === null) return () => {};
    const count = this.held.get(key) ?? 0;
    if (count >= this.maxPerGrant) return null;
    this.held.set(key, count + 1);
    let returned = false;
    return () => {
      if (returned) return;
      returned = true;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left <= 0) this.held.delete(key);
      else this.held.set(key, left);
    };
  }
}

function grantKey(principal: Principal): string | null {
  switch (principal.kind) {
    case 'person':
      return `person:${principal.personId}`;
    case 'facilitator':
      return `facilitator:${principal.facilitatorId}`;
    case 'doc':
    case 'anonymous':
      return null;
  }
}
