/**
 * Months as the assessment stores them ("YYYY-MM") and the arithmetic the
 * timeline needs. A month index counts months since year 0, so ranges and
 * spans are plain subtraction.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

export function monthIndex(month: string): number {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`monthIndex: "${month}" is not YYYY-MM`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Every month from `start` to `end`, both included (empty when end is before start). */
export function monthRange(start: string, end: string): string[] {
  const from = monthIndex(start);
  const to = monthIndex(end);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => monthFromIndex(from + i));
}

/** How many months a span covers, both ends included. */
export function monthSpan(start: string, end: string): number {
  return monthIndex(end) - monthIndex(start) + 1;
}

function asDate(month: string): Date {
  const index = monthIndex(month);
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
}

/** "marts 2027" / "March 2027". */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(asDate(month));
}

/** "mar." / "Mar": the timeline's column heads. */
export function formatShortMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(asDate(month));
}

/** "marts – juni 2027", "nov. 2027 – feb. 2028", or one end only. */
export function formatTimeline(start: string | null, end: string | null, locale: string): string {
  if (start && end) {
    if (start === end) return formatMonth(start, locale);
    if (start.slice(0, 4) === end.slice(0, 4)) {
      const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(asDate(start));
      return `${month} – ${formatMonth(end, locale)}`;
    }
    return `${formatMonth(start, locale)} – ${formatMonth(end, locale)}`;
  }
  if (start) return `${formatMonth(start, locale)} –`;
  if (end) return `– ${formatMonth(end, locale)}`;
  return '';
}

/** How many years ahead a timeline may reach from this year. */
const YEARS_AHEAD = 4;

/** The months a timeline can choose from: this year (or the chosen month's, if earlier) to four years ahead. */
export function monthChoices(value: string | null, now: Date): string[] {
  const thisYear = now.getUTCFullYear();
  const from = Math.min(thisYear * 12, value ? monthIndex(value) - (monthIndex(value) % 12) : thisYear * 12);
  const to = (thisYear + YEARS_AHEAD) * 12 + 11;
  return Array.from({ length: to - from + 1 }, (_, i) => monthFromIndex(from + i));
}
