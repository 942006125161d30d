import { type Static, Type } from '@sinclair/typebox';
import type { Decision } from './assessment.js';

/**
 * A session report (*referat*), built by the server from its stored documents and
 * records (`GET /api/sessions/:id/report`): the same data feeds the DOCX and the
 * print view, so both say the same. Times are epoch milliseconds; the client and
 * the DOCX format them in the workshop's language.
 */
export interface SessionReport {
  workshopTitle: string;
  organisation: string;
  language: 'da' | 'en';
  session: {
    id: string;
    title: string;
    date: string | null;
    startTime: string | null;
    place: string;
    status: 'planned' | 'open' | 'ended';
  };
  /** Each agenda item with its planned minutes and, if it ran, when it started and ended. */
  agenda: Array<{ title: string; minutes: number; startedAt: number | null; endedAt: number | null }>;
  attendance: ReportAttendance;
  boards: ReportBoard[];
  questions: ReportQuestion[];
  evaluation: ReportEvaluation | null;
  ideas: ReportIdea[];
  generatedAt: number;
}

export interface ReportAttendance {
  total: number;
  /** Names are left out (null) when the session's plenum board or that table's board is anonymous. */
  tables: Array<{ name: string; count: number; names: string[] | null }>;
  /** Participants at no table. */
  unseated: { count: number; names: string[] | null };
  /** Who joined after the session had started (names only where names are shown). */
  lateJoiners: Array<{ name: string | null; joinedAt: number }>;
  anonymous: boolean;
}

export interface ReportBoard {
  title: string;
  kind: 'plenum' | 'group' | 'leadership';
  anonymous: boolean;
  /** Themes (clusters) with their notes; notes in no theme come last under `title: null`. */
  themes: Array<{ title: string | null; votes: number; notes: ReportNote[] }>;
  voted: boolean;
}

export interface ReportNote {
  text: string;
  votes: number;
  author: string | null;
}

export interface ReportQuestion {
  kind: string;
  text: string;
  askedAt: number;
  askedBy: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: number | null;
  /** Minutes from asking to answer. */
  responseMinutes: number | null;
}

export interface ReportEvaluation {
  responses: number;
  ratings: Array<{ label: string; average: number | null; answers: number }>;
  comments: string[];
}

export interface ReportIdea {
  title: string;
  decision: Decision | null;
  sources: number;
}

/**
 * The workshop's calendar feed (`GET /api/workshops/:id/calendar-feed`): a link a calendar
 * app polls without signing in, or null while the facilitator has not made one.
 */
export interface CalendarFeed {
  /** The link in full, from the host the request came to. */
  url: string | null;
  /** The same link without the origin (`/api/calendar/…/samle.ics`). */
  path: string | null;
}

/** The facilitator makes a new feed link (the old one stops working) or turns the feed off. */
export const CalendarFeedBody = Type.Object({ action: Type.Union([Type.Literal('renew'), Type.Literal('off')]) });
export type CalendarFeedBody = Static<typeof CalendarFeedBody>;
