import type { Decision } from './assessment.js';

/**
 * The words for decisions, in Danish and English, used by the UI's i18n and by
 * the exports alike, so "Ikke vurderet" on screen is "Ikke vurderet" in the Word
 * document, the spreadsheet and the CSV.
 */
export const DECISION_LABELS: Record<'da' | 'en', Record<Decision | 'undecided', string>> = {
  da: {
    start_now: 'Sættes i gang straks',
    council: 'Sendes til byrådsbeslutning',
    on_hold: 'Afventer',
    undecided: 'Ikke vurderet',
  },
  en: {
    start_now: 'Start now',
    council: 'City council decision',
    on_hold: 'On hold',
    undecided: 'Not assessed',
  },
};
