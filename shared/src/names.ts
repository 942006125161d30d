/**
 * The longest name a person may give, and the shortest password. Kept here, apart from the API schemas, so the
 * client's first page (the join form) uses them without loading the schema library.
 */
export const NAME_MAX = 80;
export const PASSWORD_MIN = 10;

/**
 * What a name (a person's, a workshop's, a board's) may not contain. Names are
 * shown to everyone in a workshop — in lists, on notes, on the big screen and in
 * exports — so characters that hide or disguise text are refused:
 * - control characters (C0, DEL, C1): line breaks and escapes that break layouts and logs;
 * - bidirectional embeddings, overrides, isolates and marks: they reorder what
 *   follows them, so "Ada‮ nimda" can read as someone else's name;
 * - text that is only invisible: spaces, zero-width and filler characters, so a
 *   person or workshop cannot look nameless.
 */
export type NameProblem = 'control' | 'bidi' | 'invisible';

// C0 controls, DEL and C1 controls.
const CONTROL = /\p{Cc}/u;
// Arabic letter mark, LRM/RLM, embeddings/overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI).
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// Whitespace and format characters (zero-width space/joiners, word joiner, BOM, soft hyphen, tags…).
const BLANK = /^[\s\p{Cf}]$/u;
/** Code points that render as nothing, beyond whitespace and format characters, as [first, last] ranges. */
const BLANK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // Hangul choseong/jungseong fillers
  [0x17b4, 0x17b5], // Khmer inherent vowels
  [0x180b, 0x180f], // Mongolian variation selectors and vowel separator
  [0x2800, 0x2800], // Braille blank
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xffa0, 0xffa0], // halfwidth Hangul filler
  [0xe0100, 0xe01ef], // variation selectors supplement
];

function isInvisible(char: string): boolean {
  if (BLANK.test(char)) return true;
  const code = char.codePointAt(0) ?? 0;
  return BLANK_RANGES.some(([first, last]) => code >= first && code <= last);
}

/** Why a name is refused, or null when it may be used. */
export function nameProblem(name: string): NameProblem | null {
  if (CONTROL.test(name)) return 'control';
  if (BIDI.test(name)) return 'bidi';
  if ([...name].every(isInvisible)) return 'invisible';
  return null;
}

/** The sentence the API sends with `400 NAME_INVALID`, per problem. */
export const NAME_PROBLEM_MESSAGES: Record<NameProblem, string> = {
  control: 'contains a line break or another control character; type it on one line without them.',
  bidi: 'contains characters that change the direction of the text; type it again without them.',
  invisible: 'has no visible characters; type a name people can read.',
};
