import type { Decision } from './assessment.js';
import { DECISION_LABELS } from './decisionLabels.js';

/**
 * The session report's words, in Danish and English, used by the server's Word document and the client's report
 * page alike, so the printed page and the .docx say the same thing. The page uses the reader's UI language, the
 * document the workshop's. Counts are whole numbers; both languages put the singular at exactly 1.
 */
export interface ReportWords {
  report: string;
  date: string;
  place: string;
  agenda: string;
  item: string;
  planned: string;
  ran: string;
  notRun: string;
  minutes: (count: number) => string;
  attendance: string;
  present: (count: number) => string;
  table: string;
  people: string;
  names: string;
  anonymous: string;
  noTable: string;
  lateJoiners: string;
  boards: string;
  noTheme: string;
  votes: (count: number) => string;
  noNotes: string;
  questions: string;
  noQuestions: string;
  answer: string;
  unanswered: string;
  answeredAfter: (who: string, minutes: number) => string;
  evaluation: string;
  responses: (count: number) => string;
  average: string;
  comments: string;
  ideas: string;
  idea: string;
  noIdeas: string;
  decision: string;
  decisions: Record<Decision, string>;
  undecided: string;
  sources: string;
  /** Followed by the date (and on the page the time) the report was put together. */
  generated: string;
  /** For dates, times and numbers in the report. */
  locale: 'da-DK' | 'en-GB';
}

const counted = (one: string, many: string) => (count: number) => (count === 1 ? `1 ${one}` : `${count} ${many}`);

const { undecided: _daUnassessed, ...daDecisions } = DECISION_LABELS.da;
const { undecided: _enUnassessed, ...enDecisions } = DECISION_LABELS.en;

export const REPORT_WORDS: Record<'da' | 'en', ReportWords> = {
  da: {
    report: 'Referat',
    date: 'Dato',
    place: 'Sted',
    agenda: 'Program',
    item: 'Punkt',
    planned: 'Planlagt',
    ran: 'Afviklet',
    notRun: 'ikke afviklet',
    minutes: (count) => `${count} min.`,
    attendance: 'Deltagere',
    present: counted('deltager', 'deltagere'),
    table: 'Bord',
    people: 'Antal',
    names: 'Navne',
    anonymous: 'anonym',
    noTable: 'Uden bord',
    lateJoiners: 'Kom senere til',
    boards: 'Tavlerne',
    noTheme: 'Uden tema',
    votes: counted('stemme', 'stemmer'),
    noNotes: 'Ingen noter.',
    questions: 'Spørgsmål og forslag til ledelsen',
    noQuestions: 'Der blev ikke stillet spørgsmål under workshoppen.',
    answer: 'Svar',
    unanswered: 'Endnu ikke besvaret',
    answeredAfter: (who, minutes) => `${who} svarede efter ${minutes} min.`,
    evaluation: 'Evaluering',
    responses: counted('besvarelse', 'besvarelser'),
    average: 'Gennemsnit (1–5)',
    comments: 'Kommentarer',
    ideas: 'Idéer fra workshoppen i idékataloget',
    idea: 'Idé',
    noIdeas: 'Ingen idéer er endnu samlet fra denne workshop.',
    decision: 'Beslutning',
    decisions: daDecisions,
    undecided: 'Ikke besluttet',
    sources: 'Noter',
    generated: 'Udarbejdet',
    locale: 'da-DK',
  },
  en: {
    report: 'Session report',
    date: 'Date',
    place: 'Place',
    agenda: 'Agenda',
    item: 'Item',
    planned: 'Planned',
    ran: 'Actual',
    notRun: 'did not run',
    minutes: (count) => `${count} min`,
    attendance: 'Attendance',
    present: counted('participant', 'participants'),
    table: 'Table',
    people: 'People',
    names: 'Names',
    anonymous: 'anonymous',
    noTable: 'At no table',
    lateJoiners: 'Joined late',
    boards: 'The boards',
    noTheme: 'No theme',
    votes: counted('vote', 'votes'),
    noNotes: 'No notes.',
    questions: 'Questions and proposals to management',
    noQuestions: 'No questions were asked during the session.',
    answer: 'Answer',
    unanswered: 'Not answered yet',
    answeredAfter: (who, minutes) => `${who} answered after ${minutes} min`,
    evaluation: 'Evaluation',
    responses: counted('response', 'responses'),
    average: 'Average (1–5)',
    comments: 'Comments',
    ideas: 'Ideas from this session in the catalog',
    idea: 'Idea',
    noIdeas: 'No ideas have been gathered from this session yet.',
    decision: 'Decision',
    decisions: enDecisions,
    undecided: 'Not decided',
    sources: 'Notes',
    generated: 'Prepared',
    locale: 'en-GB',
  },
};
