/** How close to the limit the count of characters left appears while typing. */
export const LIMIT_WARNING_SHARE = 0.9;

export interface PasteResult {
  /** The whole text after the paste. */
  text: string;
  /** Where the caret goes: after what was pasted. */
  caret: number;
  /** How many pasted characters did not fit (0 when all did). */
  cut: number;
}

/**
 * Pastes `pasted` over the selection [start, end) of `current`, keeping the
 * result within `max` characters: what does not fit is cut from the end of the
 * pasted text (never from what was already written), and the caller says how much.
 */
export function pasteWithin(current: string, start: number, end: number, pasted: string, max: number): PasteResult {
  const before = current.slice(0, start);
  const after = current.slice(end);
  const room = Math.max(0, max - before.length - after.length);
  // Array.from counts a surrogate pair once, so an emoji is never split in half.
  const chars = Array.from(pasted);
  let kept = '';
  for (const char of chars) {
    if (kept.length + char.length > room) break;
    kept += char;
  }
  return { text: before + kept + after, caret: before.length + kept.length, cut: pasted.length - kept.length };
}

/** The characters left before the limit, when they are few enough to show; otherwise undefined. */
export function charactersLeft(length: number, max: number): number | undefined {
  return length >= max * LIMIT_WARNING_SHARE ? Math.max(0, max - length) : undefined;
}
