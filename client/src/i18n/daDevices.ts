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
  },
  text: {
    charactersLeft_one: '{{left}} tegn tilbage',
    charactersLeft_other: '{{left}} tegn tilbage',
    pasteCut_one: 'Den indsatte tekst var for lang: {{cut}} tegn blev skåret fra (en post-it kan rumme {{max}}).',
    pasteCut_other: 'Den indsatte tekst var for lang: {{cut}} tegn blev skåret fra (en post-it kan rumme {{max}}).',
  },
};
