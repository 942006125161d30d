import {
  type AssessmentView,
  addIdea,
  assessmentChanges,
  assessmentsDocId,
  catalogDocId,
  type Decision,
  type DecisionChange,
  ideaDocId,
  publishedDocId,
  readNotes,
  type Source,
  sourceOfNote,
  toPublishedIdea,
  writeAssessment,
  writePublished,
} from '@samle/shared';
import * as Y from 'yjs';
import { newId } from '../ids.js';
import type { NewDoc, WorkshopPlan } from '../storage/contracts/workshopTypes.js';
import { placeOfBoard } from './gather.js';
import { writeLexicalParagraphs } from './ideaText.js';

/**
 * The demo workshop's gathered threads: catalog ideas made from its real board
 * notes (with tables, sessions and authors), leadership assessments in all three
 * decisions with ranks, rationales, owners and a 2027 timeline, a decision
 * history, and a published catalog — published before the last change, so the
 * leader panel also shows what "unpublished changes" looks like.
 */

interface DemoIdea {
  title: string;
  category: string;
  /** Texts of the board notes it was gathered from. */
  notes: string[];
  description: string[];
  assessment?: {
    decision: Decision;
    rank: number;
    rationale: string;
    startMonth: string | null;
    endMonth: string | null;
    owner: string;
    /** Indexes of related ideas in this list. */
    related: number[];
    by: number;
  };
}

const IDEAS: DemoIdea[] = [
  {
    title: 'Én indgang for virksomheder',
    category: 'Tilgængelighed',
    notes: [
      'Én indgang for virksomheder',
      'Virksomheder ved ikke, hvem de skal ringe til',
      'Virksomhederne vil have én, der tager ansvar for sagen',
    ],
    description: [
      'Ét telefonnummer og én mailadresse for alle virksomheder, bemandet på skift af Erhverv, Byggesag og Miljø.',
      'Den, der tager imod henvendelsen, ejer den, indtil virksomheden har fået et svar.',
    ],
    assessment: {
      decision: 'start_now',
      rank: 1,
      rationale:
        'Det efterspørges af **både** virksomhederne og medarbejderne, og det kræver ingen nye stillinger.\n\n- Vagtplan på tværs af tre afdelinger\n- Fælles telefonnummer fra 1. februar',
      startMonth: '2027-01',
      endMonth: '2027-04',
      owner: 'Erhvervsservice',
      related: [1, 2],
      by: 0,
    },
  },
  {
    title: 'Fast kontaktperson på store sager',
    category: 'Sagsbehandling',
    notes: ['Fast kontaktperson på store sager', 'Erhvervskonsulenten kender ikke byggesagens status'],
    description: [
      'Sager over en vis størrelse får én navngiven kontaktperson, som virksomheden kan ringe direkte til.',
    ],
    assessment: {
      decision: 'start_now',
      rank: 2,
      rationale: 'Kan starte som forsøg i Byggesag med de ti største sager; vi evaluerer efter et halvt år.',
      startMonth: '2027-02',
      endMonth: '2027-07',
      owner: 'Teknik og Miljø',
      related: [0],
      by: 1,
    },
  },
  {
    title: 'Svar inden for 24 timer',
    category: 'Tilgængelighed',
    notes: ['Ring tilbage inden for 24 timer', 'God service = hurtigt svar, også når svaret er nej'],
    description: ['Alle henvendelser fra virksomheder får et svar eller en tilbagemelding inden for én arbejdsdag.'],
    assessment: {
      decision: 'start_now',
      rank: 3,
      rationale: 'Et *klart* servicemål, som alle kan forstå. Vi måler det fra første dag.',
      startMonth: '2027-01',
      endMonth: '2027-03',
      owner: 'Borgerservice',
      related: [0],
      by: 0,
    },
  },
  {
    title: 'Forhåndsmøde og tjekliste før ansøgning',
    category: 'Sagsbehandling',
    notes: ['Forhåndsmøde før ansøgning', 'Tjekliste før ansøgning', 'Vi beder om de samme oplysninger flere gange'],
    description: [
      'Virksomheden kan booke et forhåndsmøde med alle relevante fagområder, før den søger.',
      'En fælles tjekliste viser, hvilke oplysninger der skal med — så vi kun spørger én gang.',
    ],
    assessment: {
      decision: 'council',
      rank: 4,
      rationale:
        'Forhåndsmøder ændrer kommunens servicemål og kræver ressourcer i tre forvaltninger. Det skal derfor besluttes i byrådet.',
      startMonth: '2027-05',
      endMonth: '2027-10',
      owner: 'Kommunaldirektøren',
      related: [4],
      by: 0,
    },
  },
  {
    title: 'Status på byggesagen online',
    category: 'Digitalisering',
    notes: ['Status på sagen online', 'Byggesager tager for lang tid — og de hører intet undervejs'],
    description: ['Virksomheden kan selv se, hvor langt sagen er, og hvad der mangler.'],
    assessment: {
      decision: 'council',
      rank: 5,
      rationale: 'Kræver et nyt modul til sagssystemet; udgiften skal med i budgetforhandlingerne.',
      startMonth: '2027-06',
      endMonth: '2027-12',
      owner: 'Digitalisering',
      related: [3],
      by: 1,
    },
  },
  {
    title: 'Fælles virksomhedsbesøg på tværs af afdelinger',
    category: 'Samarbejde',
    notes: [
      'Virksomhedsbesøg sammen på tværs af afdelinger',
      'Fælles kalender for besøg hos virksomheder',
      'Vi skal kende hinandens opgaver bedre',
    ],
    description: ['Erhverv, Byggesag og Miljø besøger virksomheder sammen og deler én kalender.'],
    assessment: {
      decision: 'on_hold',
      rank: 6,
      rationale: 'God idé, men vi venter, til den fælles indgang kører. Vi tager den op igen i efteråret.',
      startMonth: '2027-09',
      endMonth: '2027-12',
      owner: 'Erhverv',
      related: [0],
      by: 1,
    },
  },
  {
    title: 'Klarsprog i afgørelser',
    category: 'Kommunikation',
    notes: ['Klarsprog i afgørelser', 'Vi taler et andet sprog end virksomhederne'],
    description: ['Afgørelser skrives, så en virksomhedsejer kan forstå dem uden en rådgiver.'],
    assessment: {
      decision: 'on_hold',
      rank: 7,
      rationale: 'Afventer det tværkommunale klarsprogsprojekt, som vi kan deltage i gratis.',
      startMonth: null,
      endMonth: null,
      owner: 'Borgerservice',
      related: [],
      by: 0,
    },
  },
  {
    title: 'Mål på, om servicen bliver bedre',
    category: 'Opfølgning',
    notes: ['Hvordan måler vi, om servicen bliver bedre?'],
    description: [],
  },
];

export interface DemoCatalog {
  docs: NewDoc[];
  history: DecisionChange[];
}

function encode(fill: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  try {
    fill(doc);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Every note on the planned boards, as the gather command would record it. */
function plannedSources(plan: WorkshopPlan): Map<string, Source> {
  const byText = new Map<string, Source>();
  for (const { board, initialUpdate } of plan.boards) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialUpdate);
    const place = placeOfBoard(board, plan.sessions, plan.groups);
    for (const note of readNotes(doc)) byText.set(note.text, sourceOfNote(doc, note, place));
    doc.destroy();
  }
  return byText;
}

export function planDemoCatalog(
  plan: WorkshopPlan,
  names: { leaders: readonly string[]; facilitator: string },
  now: number,
): DemoCatalog {
  const leaderNames = names.leaders;
  const workshopId = plan.workshop.id;
  const sources = plannedSources(plan);
  const ids = IDEAS.map(() => newId());
  const day = 86400_000;
  const gatheredAt = now - 3 * day;
  const assessedAt = now - 2 * day;
  const publishedAt = now - day;

  const ideas = IDEAS.map((idea, index) => ({
    id: ids[index] ?? newId(),
    title: idea.title,
    category: idea.category,
    createdAt: gatheredAt + index * 60_000,
    provenance: idea.notes.map((text) => {
      const source = sources.get(text);
      if (!source) throw new Error(`planDemoCatalog: no demo note says "${text}"`);
      return source;
    }),
  }));

  const history: DecisionChange[] = [];
  const assessments: AssessmentView[] = [];
  IDEAS.forEach((idea, index) => {
    const a = idea.assessment;
    if (!a) return;
    const by = leaderNames[a.by] ?? '';
    const at = assessedAt + index * 5 * 60_000;
    const assessment: AssessmentView = {
      ideaId: ids[index] ?? '',
      decision: a.decision,
      rationale: a.rationale,
      rank: a.rank,
      startMonth: a.startMonth,
      endMonth: a.endMonth,
      owner: a.owner,
      related: a.related.map((i) => ids[i] ?? '').filter(Boolean),
      internalNote: '',
      oneOffDkk: null,
      yearlyDkk: null,
      staffHours: null,
      updatedAt: at,
      updatedBy: by,
    };
    assessments.push(assessment);
    history.push(...assessmentChanges(null, assessment, by, at));
  });

  const descriptions = new Map(IDEAS.map((idea, index) => [ids[index] ?? '', idea.description.join('\n\n')]));
  const assessed = new Map(assessments.map((a) => [a.ideaId, a]));
  const published = ideas.map((idea) => toPublishedIdea(idea, assessed.get(idea.id), descriptions.get(idea.id) ?? ''));

  // After publishing, management moved the online status from the council to "start now": not yet published.
  const moved = assessments.find((a) => a.ideaId === ids[4]);
  if (moved) {
    const after: AssessmentView = {
      ...moved,
      decision: 'start_now',
      rank: 4,
      rationale: `${moved.rationale}\n\nDigitalisering har fundet pengene i eget budget, så vi går i gang nu.`,
      startMonth: '2027-03',
      endMonth: '2027-09',
      updatedAt: now - 2 * 60 * 60_000,
      updatedBy: leaderNames[0] ?? '',
    };
    history.push(...assessmentChanges(moved, after, after.updatedBy, after.updatedAt));
    assessments.splice(assessments.indexOf(moved), 1, after);
  }

  const docs: NewDoc[] = [
    {
      docId: catalogDocId(workshopId),
      initialUpdate: encode((doc) => {
        for (const idea of ideas) addIdea(doc, idea);
      }),
    },
    {
      docId: assessmentsDocId(workshopId),
      initialUpdate: encode((doc) => {
        for (const a of assessments) writeAssessment(doc, a);
      }),
    },
    {
      docId: publishedDocId(workshopId),
      initialUpdate: encode((doc) =>
        writePublished(doc, { publishedAt, publishedBy: names.facilitator, ideas: published }),
      ),
    },
    ...IDEAS.filter((idea) => idea.description.length > 0).map((idea) => ({
      docId: ideaDocId(workshopId, ids[IDEAS.indexOf(idea)] ?? ''),
      initialUpdate: encode((doc) => writeLexicalParagraphs(doc, idea.description)),
    })),
  ];
  return { docs, history };
}
