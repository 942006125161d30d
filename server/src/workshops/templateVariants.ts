/**
 * Worked variants of the municipal process template (template.ts): the words
 * of one topic — its talks, questions for the tables and prompts — in Danish
 * and English. Nothing else differs between the variants.
 */

type Texts = { da: string; en: string };

export interface TopicTexts {
  talk1: Texts;
  talk2: Texts;
  groupWork1: Texts;
  groupWork1Text: Texts;
  reflectionItem: Texts;
  strategicQuestion: Texts;
  prompts: { reflection: Texts; questionsHint: Texts; evaluation: Texts[] };
}

const t = (da: string, en: string): Texts => ({ da, en });

const evaluation = [
  t('Forløbet gav mig indflydelse på mit arbejde', 'The process gave me a say in my work'),
  t('Ledelsen svarede hurtigt og klart', 'Management answered quickly and clearly'),
  t('Jeg ved, hvad der nu skal ske', 'I know what happens next'),
];

/** The case Samle was first made for (and the demo's): service for local businesses. */
export const businessServiceProcess: TopicTexts = {
  talk1: t('Den lokale erhvervsstruktur', 'The local business structure'),
  talk2: t(
    'Hvad er god kommunal service? To virksomhedsejere fortæller',
    'What is good municipal service? Two business owners',
  ),
  groupWork1: t('Matcher vores service virksomhedernes behov?', "Does our service match the businesses' needs?"),
  groupWork1Text: t(
    'Skriv én iagttagelse pr. post-it: hvor møder virksomhederne os, og hvad oplever de?',
    'One observation per note: where do businesses meet us, and what do they experience?',
  ),
  reflectionItem: t(
    'Hjemmerefleksion: hvordan kan jeg ændre min egen service?',
    'Home reflection: how can I change my own service?',
  ),
  strategicQuestion: t(
    'Hvor mange indgange skal kommunen have for virksomheder?',
    'How many entry points should the municipality have?',
  ),
  prompts: {
    reflection: t(
      'Hvordan kan du konkret ændre din egen service over for virksomhederne? Skriv frit — kun du kan læse det. Del et afsnit på en tavle, når du vil.',
      'How can you change your own service to businesses, concretely? Write freely — only you can read this. Share a paragraph with a board when you want to.',
    ),
    questionsHint: t(
      'fx Må vi selv aftale møder med lokale virksomheder?',
      'e.g. May we arrange meetings with local businesses ourselves?',
    ),
    evaluation,
  },
};

/** "Fremtidens ældrepleje": home care and care homes, with citizens and relatives. */
export const elderCareProcess: TopicTexts = {
  talk1: t('Ældreområdet i tal: hvem er borgerne om ti år?', 'Elder care in figures: who will the citizens be?'),
  talk2: t(
    'Hvad er god pleje? En borger og to pårørende fortæller',
    'What is good care? A citizen and two relatives tell',
  ),
  groupWork1: t('Matcher vores pleje borgernes behov?', "Does our care match the citizens' needs?"),
  groupWork1Text: t(
    'Skriv én iagttagelse pr. post-it: hvor gør plejen en forskel for borgeren, og hvor går tiden til noget andet?',
    'One observation per note: where does care make a difference to the citizen, and where does time go elsewhere?',
  ),
  reflectionItem: t(
    'Hjemmerefleksion: hvad kan jeg gøre anderledes i mødet med borgeren?',
    'Home reflection: what can I do differently when I meet the citizen?',
  ),
  strategicQuestion: t(
    'Hvordan deler hjemmeplejen og plejecentrene opgaverne fremover?',
    'How should home care and care homes share the work from now on?',
  ),
  prompts: {
    reflection: t(
      'Hvad kan du konkret gøre anderledes i mødet med borgeren og de pårørende? Skriv frit — kun du kan læse det.',
      'What can you do differently, concretely, when you meet citizens and their relatives? Write freely — only you can read this.',
    ),
    questionsHint: t(
      'fx Må vi selv planlægge besøgene i vores gruppe?',
      'e.g. May we plan the visits within our own team?',
    ),
    evaluation,
  },
};
