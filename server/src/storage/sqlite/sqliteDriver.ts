import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * better-sqlite3, in the major that works on the Node that runs us. 12.x is built on
 * node::ObjectWrap, whose inline code changed in Node 24: there it aborts the process when a
 * statement is garbage-collected (`Assertion failed: (env) != nullptr` in
 * RemoveEnvironmentCleanupHook). 13.x uses Node-API and ships prebuilt binaries, but needs
 * Node 22 and crashes on Node 20. Both are installed (13.x as the alias better-sqlite3-napi);
 * the API Samle uses is the same in both. When Node 20 support ends, only 13.x stays.
 */
export const SqliteDatabase: typeof BetterSqlite3 =
  nodeMajor >= 22 ? require('better-sqlite3-napi') : require('better-sqlite3');
