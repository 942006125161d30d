import type * as Y from 'yjs';

/**
 * The smallest single splice that turns `before` into `after`: the common
 * prefix and suffix stay, the middle is replaced. A textarea `input` event only
 * tells us the new value, so this is how a keystroke becomes a Y.Text op that
 * merges with concurrent edits instead of replacing the whole text.
 */
export interface TextSplice {
  index: number;
  deleteCount: number;
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function diffText(before: string, after: string): TextSplice | undefined {
  if (before === after) return undefined;
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair: an emoji must be replaced whole.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;

  const maxSuffix = Math.min(before.length, after.length) - prefix;
  let suffix = 0;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;

  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** Applies the diff from the Y.Text's current content to `next` in one transaction. */
export function applyTextDiff(text: Y.Text, next: string, origin: unknown = null): void {
  const splice = diffText(text.toString(), next);
  if (!splice) return;
  const apply = () => {
    if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount);
    if (splice.insert.length > 0) text.insert(splice.index, splice.insert);
  };
  if (text.doc) text.doc.transact(apply, origin);
  else apply();
}
