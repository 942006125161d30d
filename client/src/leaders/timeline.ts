import { type Decision, groupByDecision } from '@samle/shared';
import { monthFromIndex, monthIndex } from './months';

/**
 * The timeline view's layout: months across the top (whole years, so January
 * to December of every year an idea touches), one row per dated idea in
 * decision and priority order, a bar from its start to its end month. Ideas
 * with only one end get a one-month bar; ideas without dates are listed apart.
 */
export interface TimelineInput {
  id: string;
  decision: Decision | null;
  rank: number | null;
  startMonth: string | null;
  endMonth: string | null;
}

export interface TimelineBar {
  id: string;
  decision: Decision | null;
  /** 0-based column of the first month. */
  column: number;
  /** Number of months covered (≥ 1). */
  span: number;
  /** The idea has only a start or only an end month. */
  openEnded: boolean;
}

export interface TimelineLayout {
  months: string[];
  bars: TimelineBar[];
  undated: string[];
}

export function layoutTimeline(items: readonly TimelineInput[]): TimelineLayout {
  const ordered = groupByDecision(items, (item) => item).flatMap((group) => group.items);
  const dated = ordered.filter((item) => item.startMonth || item.endMonth);
  const undated = ordered.filter((item) => !item.startMonth && !item.endMonth).map((item) => item.id);
  if (dated.length === 0) return { months: [], bars: [], undated };
  const ends = dated.map((item) => {
    const start = monthIndex(item.startMonth ?? item.endMonth ?? '');
    const end = monthIndex(item.endMonth ?? item.startMonth ?? '');
    return { item, start: Math.min(start, end), end: Math.max(start, end) };
  });
  const first = Math.floor(Math.min(...ends.map((e) => e.start)) / 12) * 12;
  const last = Math.floor(Math.max(...ends.map((e) => e.end)) / 12) * 12 + 11;
  return {
    months: Array.from({ length: last - first + 1 }, (_, i) => monthFromIndex(first + i)),
    bars: ends.map(({ item, start, end }) => ({
      id: item.id,
      decision: item.decision,
      column: start - first,
      span: end - start + 1,
      openEnded: !item.startMonth || !item.endMonth,
    })),
    undated,
  };
}
