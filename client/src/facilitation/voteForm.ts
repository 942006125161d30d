/** Defaults of a new dot vote: five dots per person, at most three on one note. */
export const DEFAULT_BUDGET = 5;
export const DEFAULT_MAX_PER_NOTE = 3;

/** A whole number the server accepts for a budget or a per-note limit (1–50), or null. */
export function parseVoteNumber(input: string): number | null {
  const value = Number(input.trim());
  return input.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 50 ? value : null;
}
