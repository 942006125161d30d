import type { enDevices } from './enDevices';

/** Danske tekster til skrivetilstand, tavlens visninger og tekstgrænser (telefoner og andre små skærme). */
export const daDevices: typeof enDevices = {
  views: {
    label: 'Vis tavlen som',
    write: 'Skriv',
    writeHint: 'Skrivetilstand: dine post-its i en enkel liste, tavlen tilpasset skærmen',
    canvas: 'Tavle',
    canvasHint: 'Hele tavlen: flyt, saml og arranger post-its',
    list: 'Liste',
    listHint: 'Vis tavlen som en liste, til skærmlæsere og tastatur',
  },
  write: {
    composerLabel: 'Skriv en post-it',
    composerPlaceholder: 'Én idé pr. post-it…',
    add: 'Sæt på tavlen',
    mine: 'Dine post-its',
    none: 'Du har ikke skrevet nogen post-its på denne tavle endnu. Skriv en ovenfor.',
    noneReadOnly: 'Du har ingen post-its på denne tavle.',
    board: 'Tavlen',
    openCanvas: 'Åbn hele tavlen',
    previewLabel_one: 'Overblik over tavlen med {{count}} post-it',
    previewLabel_other: 'Overblik over tavlen med {{count}} post-its',
    others: 'De andres post-its',
    noOthers: 'Ingen andre har skrevet en post-it endnu.',
  },
  anonymous: {
    title: 'Anonym tavle',
    on: 'Anonym',
    off: 'Navne vises',
    meaningOff:
      'Fra: hver post-it viser, hvem der skrev den. Slås den til, fjernes navnene fra alle post-its på tavlen, også fra den gemte historik, og nye post-its skrives uden navn. Navne, der er fjernet, kommer ikke tilbage.',
    meaningOn:
      'Til: ingen post-it viser, hvem der skrev den, og navnene er væk fra tavlen og dens historik. Slås den fra igen, får kun nye post-its navn på.',
    createLabel: 'Anonym tavle',
    createMeaning:
      'Ingen post-it viser, hvem der skrev den, fra første post-it — heller ikke i tavlens historik. Du kan slå det fra senere i tavlens værktøjer; så får kun nye post-its navn på.',
  },
  shortcuts: {
    toggle: 'Genveje med én tast',
    list: 'Tastaturgenveje',
    listHint: 'Genveje med én tast virker, når tavlen har fokus og de er slået til.',
    hint: 'Genveje som N (ny post-it) og C (tema) virker kun, når tavlen har fokus. Slå dem fra, hvis du bruger talestyring eller kommer til at trykke på taster; værktøjslinjerne og Ctrl-genvejene virker stadig.',
    close: 'Luk',
  },
  a11y: {
    link: 'Tilgængelighedserklæring',
    title: 'Tilgængelighedserklæring',
    intro:
      'Samle skal overholde lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (WCAG 2.1 niveau AA). Den organisation, der driver jeres Samle, er ansvarlig for denne erklæring.',
    statusHeading: 'Overholdelsesstatus',
    status: 'Samle overholder delvist WCAG 2.1 niveau AA på grund af afvigelserne nedenfor.',
    deviationsHeading: 'Ikke-tilgængeligt indhold',
    deviations: {
      canvas:
        'På tavlens lærred flyttes post-its og temaer ved at trække eller med piletaster; listevisningen og skrivetilstanden har alle handlinger uden træk.',
      bigScreen: 'Storskærmssiderne har intet hovedindhold, som springlinket kan flytte til.',
      preview:
        'Overblikket over tavlen i skrivetilstand kan ikke zoomes med to fingre i appen (kun med browserens zoom).',
      exports: 'Eksporterede Word-dokumenter (idékataloget) er ikke vurderet.',
      screenReaders: 'Ikke alle sider er testet manuelt med skærmlæsere (NVDA, VoiceOver, TalkBack).',
    },
    deviationDates: {
      canvas: 'Forventes rettet senest 31. marts 2027.',
      bigScreen: 'Forventes rettet senest 31. januar 2027.',
      preview: 'Forventes rettet senest 31. marts 2027.',
      exports: 'Vurderes senest 31. marts 2027.',
      screenReaders: 'Testes senest 28. februar 2027.',
    },
    feedbackHeading: 'Feedback og kontakt',
    feedback:
      'Er noget i Samle svært eller umuligt for dig at bruge, så sig det til den organisation, der har inviteret dig (din facilitator eller kommune): hvilken side, og hvad der ikke virkede.',
    enforcement:
      'Er du ikke tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen (digst.dk); forskelsbehandling på grund af handicap kan indbringes for Ligebehandlingsnævnet (ast.dk).',
    methodHeading: 'Sådan er erklæringen udarbejdet',
    assessed: 'Vurderet 6. december 2026; senest opdateret 6. december 2026.',
    method:
      'Egen vurdering: automatisk test med axe-core (WCAG 2.0 og 2.1, A og AA) af alle sider på dansk og engelsk på en bærbar og en telefonskærm, automatisk kontrol af reflow ved 320 px, tastaturadgang og telefonbrug, og manuel gennemgang af skærmbilleder.',
  },
  text: {
    charactersLeft_one: '{{left}} tegn tilbage',
    charactersLeft_other: '{{left}} tegn tilbage',
    pasteCut_one: 'Den indsatte tekst var for lang: {{cut}} tegn blev skåret fra (en post-it kan rumme {{max}}).',
    pasteCut_other: 'Den indsatte tekst var for lang: {{cut}} tegn blev skåret fra (en post-it kan rumme {{max}}).',
  },
};
