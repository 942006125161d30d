import type { AgendaKind, BoardKind, Prompts, SessionKind, WorkshopTemplate } from '@samle/shared';
import { businessServiceProcess, elderCareProcess, type TopicTexts } from './templateVariants.js';

/**
 * The process Samle was made for (docs/facilitator-guide.md): two leadership
 * workshops and two employee days over about two months. The neutral template
 * names no sector; the variants (templateVariants.ts) fill in a topic's talks,
 * questions and prompts. A saved template ("save as template") is a
 * `ProcessSpec` taken from a workshop.
 */

/** One language's process: what a new workshop is made from. */
export interface ProcessSpec {
  sessions: SessionSpec[];
  prompts: Prompts;
}

export interface SessionSpec {
  title: string;
  kind: SessionKind;
  /** Days after the first session. */
  dayOffset: number;
  startTime: string | null;
  place: string;
  agenda: Array<{ title: string; kind: AgendaKind; minutes: number; text: string }>;
  /** The session's shared boards (tables get theirs when group work starts). */
  boards: Array<{ title: string; kind: BoardKind }>;
}

type Language = 'da' | 'en';
type Texts = { da: string; en: string };

const plenum = { title: { da: 'Plenum', en: 'Plenary' }, kind: 'plenum' as const };

function item(title: Texts, kind: AgendaKind, minutes: number, text?: Texts) {
  return { title, kind, minutes, text: text ?? { da: '', en: '' } };
}

const t = (da: string, en: string): Texts => ({ da, en });

/** The municipal process around a topic; `topic` supplies the sector's words. */
function municipalProcess(topic: TopicTexts) {
  return [
    {
      title: t('Ledelsesworkshop 1', 'Leadership workshop 1'),
      kind: 'leadership' as const,
      dayOffset: 0,
      startTime: '09:00',
      agenda: [
        item(t('Velkomst og formål', 'Welcome and purpose'), 'talk', 15),
        item(t('Rammen for medarbejdernes arbejde', "The frame for the employees' work"), 'plenum', 60),
        item(t('Pause', 'Break'), 'break', 15),
        item(t('Hvordan bakker ledelsen op om forløbet?', 'How management backs the process'), 'plenum', 45),
        item(t('Opsamling og næste skridt', 'Summary and next steps'), 'plenum', 15),
      ],
      boards: [{ title: t('Ledelsens ramme', "Management's frame"), kind: 'leadership' as const }],
    },
    {
      title: t('Medarbejderdag 1', 'Employee day 1'),
      kind: 'employee_day' as const,
      dayOffset: 14,
      startTime: '09:00',
      agenda: [
        item(t('Velkomst', 'Welcome'), 'talk', 15),
        item(topic.talk1, 'talk', 30),
        item(topic.talk2, 'talk', 45),
        item(t('Pause', 'Break'), 'break', 15),
        item(topic.groupWork1, 'group_work', 60, topic.groupWork1Text),
        item(t('Frokost', 'Lunch'), 'break', 45),
        item(t('Fælles opsamling', 'Plenary summary'), 'plenum', 45),
        item(t('Forslag til forbedringer', 'Proposals for improvement'), 'group_work', 60),
        item(t('Samle trådene', 'Gathering the threads'), 'plenum', 30),
        item(topic.reflectionItem, 'reflection', 15),
      ],
      boards: [plenum],
    },
    {
      title: t('Ledelsesworkshop 2', 'Leadership workshop 2'),
      kind: 'leadership' as const,
      dayOffset: 28,
      startTime: '09:00',
      agenda: [
        item(t('Gennemgang af medarbejdernes forslag', "Review of the employees' proposals"), 'talk', 30),
        item(t('Vurdering og prioritering: idékatalog', 'Assessment and priorities: idea catalog'), 'plenum', 90),
        item(t('Beslutninger og tidsplan', 'Decisions and timeline'), 'plenum', 45),
      ],
      boards: [{ title: t('Idékatalog — udkast', 'Idea catalog — draft'), kind: 'leadership' as const }],
    },
    {
      title: t('Medarbejderdag 2', 'Employee day 2'),
      kind: 'employee_day' as const,
      dayOffset: 56,
      startTime: '09:00',
      agenda: [
        item(t('Velkomst og opsamling', 'Welcome and recap'), 'talk', 15),
        item(t('Fra hjemmerefleksion til initiativ', 'From home reflection to initiative'), 'group_work', 60),
        item(topic.strategicQuestion, 'group_work', 60),
        item(t('Frokost', 'Lunch'), 'break', 45),
        item(t('Videreudvikling af idékataloget', 'Developing the idea catalog further'), 'group_work', 60),
        item(t('Lederpanel: prioriteter og tidsplan', 'Leader panel: priorities and timeline'), 'leader_panel', 45),
        item(t('Evaluering af forløbet', 'Evaluating the process'), 'evaluation', 20),
      ],
      boards: [plenum],
    },
  ];
}

const neutralTopic: TopicTexts = {
  talk1: t('Oplæg: hvor står vi i dag?', 'Talk: where do we stand today?'),
  talk2: t(
    'Hvad er god kommunal service? Dem, opgaven er til for, fortæller',
    'What is good municipal service? The people we serve tell',
  ),
  groupWork1: t('Matcher vores indsats behovene?', 'Does our work match the needs?'),
  groupWork1Text: t(
    'Skriv én iagttagelse pr. post-it: hvor passer det, vi gør i dag, og hvor passer det ikke?',
    'One observation per note: where does what we do today fit, and where does it not?',
  ),
  reflectionItem: t(
    'Hjemmerefleksion: hvordan kan jeg ændre min egen praksis?',
    'Home reflection: how can I change my own practice?',
  ),
  strategicQuestion: t('Hvordan skal vi organisere os fremover?', 'How should we organise ourselves from now on?'),
  prompts: {
    reflection: t(
      'Hvordan kan du konkret ændre din egen praksis? Skriv frit — kun du kan læse det. Del et afsnit på en tavle, når du vil.',
      'How can you change your own practice, concretely? Write freely — only you can read this. Share a paragraph with a board when you want to.',
    ),
    questionsHint: t('fx Hvem beslutter, hvad vi må ændre?', 'e.g. Who decides what we may change?'),
    evaluation: [
      t('Forløbet gav mig indflydelse på mit arbejde', 'The process gave me a say in my work'),
      t('Ledelsen svarede hurtigt og klart', 'Management answered quickly and clearly'),
      t('Jeg ved, hvad der nu skal ske', 'I know what happens next'),
    ],
  },
};

const topics = {
  'municipal-process': neutralTopic,
  'business-service': businessServiceProcess,
  'elder-care': elderCareProcess,
} as const;

/** A built-in template in one language. */
export function builtInProcess(template: WorkshopTemplate, language: Language): ProcessSpec {
  if (template === 'blank') {
    return {
      sessions: [
        {
          title: language === 'da' ? 'Workshop 1' : 'Session 1',
          kind: 'employee_day',
          dayOffset: 0,
          startTime: null,
          place: '',
          agenda: [],
          boards: [{ title: plenum.title[language], kind: 'plenum' }],
        },
      ],
      prompts: promptsIn(neutralTopic, language),
    };
  }
  const topic = topics[template];
  return {
    sessions: municipalProcess(topic).map((session) => ({
      title: session.title[language],
      kind: session.kind,
      dayOffset: session.dayOffset,
      startTime: session.startTime,
      place: '',
      agenda: session.agenda.map((entry) => ({
        title: entry.title[language],
        kind: entry.kind,
        minutes: entry.minutes,
        text: entry.text[language],
      })),
      boards: session.boards.map((board) => ({ title: board.title[language], kind: board.kind })),
    })),
    prompts: promptsIn(topic, language),
  };
}

function promptsIn(topic: TopicTexts, language: Language): Prompts {
  return {
    reflection: topic.prompts.reflection[language],
    questionsHint: topic.prompts.questionsHint[language],
    evaluation: topic.prompts.evaluation.map((question) => question[language]),
  };
}

/** The prompts of a workshop made before they could be edited: the neutral template's. */
export function defaultPrompts(language: Language): Prompts {
  return promptsIn(neutralTopic, language);
}
