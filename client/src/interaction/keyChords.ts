/**
 * Key chords written as `aria-keyshortcuts` writes them ("Control+Shift+Z",
 * "Delete", "N"): parsed once, matched against key presses and shown to people.
 * Knows no feature: a table of actions says which chords mean what.
 */

export interface KeyChord {
  /** The `KeyboardEvent.key` it needs; one letter matches in either case. */
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** The parts of a key press a chord looks at. */
export interface ChordPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const MODIFIERS = new Set(['Control', 'Meta', 'Alt', 'Shift']);

export function parseChord(text: string): KeyChord {
  const parts = text.split('+');
  // "+" is itself a key: "Control++" ends in an empty part before it.
  const key = parts.at(-1) === '' ? '+' : (parts.at(-1) ?? '');
  const modifiers = parts.slice(0, parts.at(-1) === '' ? -2 : -1);
  for (const modifier of modifiers) {
    if (!MODIFIERS.has(modifier)) throw new Error(`parseChord: unknown modifier ${modifier} in ${text}`);
  }
  if (key === '') throw new Error(`parseChord: no key in ${text}`);
  return {
    key,
    control: modifiers.includes('Control'),
    meta: modifiers.includes('Meta'),
    alt: modifiers.includes('Alt'),
    shift: modifiers.includes('Shift'),
  };
}

/**
 * Whether a key press is this chord. Control, ⌘ and Alt must be exactly as written.
 * `exact` asks the same of Shift; `loose` lets a chord with no modifiers at all
 * accept a held Shift too — a capital N is still N, and "+" takes Shift on many
 * keyboards — so try `exact` first where a Shift chord means something else.
 */
export function chordMatches(chord: KeyChord, press: ChordPress, mode: 'exact' | 'loose'): boolean {
  if (press.ctrlKey !== chord.control || press.metaKey !== chord.meta || press.altKey !== chord.alt) return false;
  const plain = !chord.control && !chord.meta && !chord.alt && !chord.shift;
  if (press.shiftKey !== chord.shift && !(mode === 'loose' && plain)) return false;
  return chord.key.length === 1 ? press.key.toLowerCase() === chord.key.toLowerCase() : press.key === chord.key;
}

const KEY_NAMES: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/**
 * A chord as a person reads it: "Ctrl+Shift+Z", "←". `mod` names the Control key
 * (translated); ⌘ chords are left out where the same chord with Control is there,
 * since one name stands for both.
 */
export function formatChords(chords: readonly KeyChord[], mod: string): string[] {
  const shown = chords.filter(
    (c) => !(c.meta && !c.control && chords.some((o) => o.control && !o.meta && sameBesidesMod(o, c))),
  );
  return shown.map((c) =>
    [
      c.control ? mod : undefined,
      c.meta ? '⌘' : undefined,
      c.alt ? 'Alt' : undefined,
      c.shift ? 'Shift' : undefined,
      KEY_NAMES[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key),
    ]
      .filter((part) => part !== undefined)
      .join('+'),
  );
}

function sameBesidesMod(a: KeyChord, b: KeyChord): boolean {
  return a.key.toLowerCase() === b.key.toLowerCase() && a.alt === b.alt && a.shift === b.shift;
}
