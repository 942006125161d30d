/**
 * A translation with one value in it (`Post-it: {{text}}`) as a function that fills the value in. i18next's
 * `t` looks the key up and runs its interpolation on every call; a 10,000-note board zoomed out asks for
 * hundreds of note labels in one render, so the translation is made once, with a marker where the value
 * goes, and each label is two strings around the value. A translation without the marker (or with it more
 * than once) is asked of `translate` on each call, as before.
 */
const MARK = '\u0000';

export function fillIn(translate: (value: string) => string): (value: string) => string {
  const parts = translate(MARK).split(MARK);
  if (parts.length !== 2) return translate;
  const [before = '', after = ''] = parts;
  return (value) => before + value + after;
}
