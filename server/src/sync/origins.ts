import type { Connection } from './Connection.js';

/**
 * Who made a change to a room's doc, as the Yjs transaction origin says it: a
 * client's connection, the server itself (a command, a board migration), or
 * another instance (through the cluster bus; never sent back to it).
 */
export type ChangeOrigin = Connection | typeof SERVER_ORIGIN | typeof REMOTE_ORIGIN;

/** Server-authored changes: commands and board migrations. */
export const SERVER_ORIGIN = Symbol('samle-server');

/** Changes (and presence) another instance stored and sent over the cluster bus. */
export const REMOTE_ORIGIN = Symbol('samle-cluster-remote');
