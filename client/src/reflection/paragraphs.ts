/** A paragraph of the reflection as the share list shows it. */
export interface ReflectionParagraph {
  /** The editor's node key: stable while the page is open, so the list keeps its open forms. */
  key: string;
  text: string;
  /** Longer than a note may be: it cannot be shared as it is. */
  tooLong: boolean;
}

/** ShareToBoardBody's limit. */
export const SHARE_TEXT_MAX = 2000;

/** The top-level blocks that hold words, in order; empty lines are left out. */
export function shareableParagraphs(blocks: ReadonlyArray<{ key: string; text: string }>): ReflectionParagraph[] {
  return blocks
    .map((block) => ({ key: block.key, text: block.text.trim() }))
    .filter((block) => block.text.length > 0)
    .map((block) => ({ ...block, tooLong: block.text.length > SHARE_TEXT_MAX }));
}
