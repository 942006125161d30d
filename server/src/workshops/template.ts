import type { AgendaKind, BoardKind, SessionKind } from '@samle/shared';

/**
 * The process Samle was made for (docs/facilitator-guide.md): two leadership
 * workshops and two employee days over about two months. Titles in Danish and
 * English; the facilitator picks the language when creating the workshop.
 */
export interface TemplateSession {
  title: { da: string; en: string };
  kind: SessionKind;
  /** Days after the first session. */
  dayOffset: number;
  agenda: Array<{ title: { da: string; en: string }; kind: AgendaKind; minutes: number }>;
  boards: Array<{ title: { da: string; en: string }; kind: BoardKind }>;
}

const item = (da: string, en: string, kind: AgendaKind, minutes: number) => ({ title: { da, en }, kind, minutes });

export const municipalProcess: TemplateSession[] = [
  {
    title: { da: 'Ledelsesworkshop 1', en: 'Leadership workshop 1' },
    kind: 'leadership',
    dayOffset: 0,
    agenda: [
      item('Velkomst og formål', 'Welcome and purpose', 'talk', 15),
      item('Rammen for medarbejdernes arbejde', "The frame for the employees' work", 'plenum', 60),
      item('Pause', 'Break', 'break', 15),
      item('Hvordan bakker ledelsen op om forløbet?', 'How management backs the process', 'plenum', 45),
      item('Opsamling og næste skridt', 'Summary and next steps', 'plenum', 15),
    ],
    boards: [{ title: { da: 'Ledelsens ramme', en: "Management's frame" }, kind: 'leadership' }],
  },
  {
    title: { da: 'Medarbejderdag 1', en: 'Employee day 1' },
    kind: 'employee_day',
    dayOffset: 14,
    agenda: [
      item('Velkomst', 'Welcome', 'talk', 15),
      item('Den lokale erhvervsstruktur', 'The local business structure', 'talk', 30),
      item(
        'Hvad er god kommunal service? To virksomhedsejere fortæller',
        'What is good municipal service? Two business owners',
        'talk',
        45,
      ),
      item('Pause', 'Break', 'break', 15),
      item(
        'Matcher vores service virksomhedernes behov?',
        "Does our service match the businesses' needs?",
        'group_work',
        60,
      ),
      item('Frokost', 'Lunch', 'break', 45),
      item('Fælles opsamling', 'Plenary summary', 'plenum', 45),
      item('Forslag til forbedringer', 'Proposals for improvement', 'group_work', 60),
      item('Samle trådene', 'Gathering the threads', 'plenum', 30),
      item(
        'Hjemmerefleksion: hvordan kan jeg ændre min egen service?',
        'Home reflection: how can I change my own service?',
        'reflection',
        15,
      ),
    ],
    boards: [{ title: { da: 'Plenum', en: 'Plenary' }, kind: 'plenum' }],
  },
  {
    title: { da: 'Ledelsesworkshop 2', en: 'Leadership workshop 2' },
    kind: 'leadership',
    dayOffset: 28,
    agenda: [
      item('Gennemgang af medarbejdernes forslag', "Review of the employees' proposals", 'talk', 30),
      item('Vurdering og prioritering: idékatalog', 'Assessment and priorities: idea catalog', 'plenum', 90),
      item('Beslutninger og tidsplan', 'Decisions and timeline', 'plenum', 45),
    ],
    boards: [{ title: { da: 'Idékatalog — udkast', en: 'Idea catalog — draft' }, kind: 'leadership' }],
  },
  {
    title: { da: 'Medarbejderdag 2', en: 'Employee day 2' },
    kind: 'employee_day',
    dayOffset: 56,
    agenda: [
      item('Velkomst og opsamling', 'Welcome and recap', 'talk', 15),
      item('Fra hjemmerefleksion til initiativ', 'From home reflection to initiative', 'group_work', 60),
      item(
        'Hvor mange indgange skal kommunen have for virksomheder?',
        'How many entry points should the municipality have?',
        'group_work',
        60,
      ),
      item('Frokost', 'Lunch', 'break', 45),
      item('Videreudvikling af idékataloget', 'Developing the idea catalog further', 'group_work', 60),
      item('Lederpanel: prioriteter og tidsplan', 'Leader panel: priorities and timeline', 'leader_panel', 45),
      item('Evaluering af forløbet', 'Evaluating the process', 'plenum', 20),
    ],
    boards: [{ title: { da: 'Plenum', en: 'Plenary' }, kind: 'plenum' }],
  },
];

/** The blank template: one employee day with a plenum board and an empty agenda. */
export const blankProcess: TemplateSession[] = [
  {
    title: { da: 'Workshop 1', en: 'Session 1' },
    kind: 'employee_day',
    dayOffset: 0,
    agenda: [],
    boards: [{ title: { da: 'Plenum', en: 'Plenary' }, kind: 'plenum' }],
  },
];
