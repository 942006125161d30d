import { customAlphabet } from 'nanoid';

/**
 * Ids for workshops, sessions, people, tables, boards and catalog ideas: 14 letters
 * and digits (≈ 83 bits). No `-` or `_`: an id never looks like a command-line flag
 * or breaks a double-click selection (and doc ids stay unambiguous, shared/src/docIds.ts).
 */
export const newId = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 14);
