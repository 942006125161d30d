import { type Static, Type } from '@sinclair/typebox';

/**
 * Home reflection (*hjemmerefleksion*): one private doc per person per workshop,
 * `<workshop>-reflection-<person>`, that only its owner can open — not the
 * facilitator, not leaders. Its text is a Lexical document (the client's editor
 * state, synced through @lexical/yjs) under the root `reflection`. Sharing a
 * paragraph onto a board is the owner's explicit action, a command.
 */

export const ShareToBoardBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
    anonymous: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ShareToBoardBody = Static<typeof ShareToBoardBody>;
