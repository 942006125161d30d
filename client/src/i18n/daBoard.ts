import type { Messages } from './en';

type BoardMessages = Pick<Messages, 'selection' | 'cluster' | 'clusterColors' | 'sizes' | 'keys' | 'list'>;

/** Danske tekster til markering, temaer (klynger) og listevisningen af en tavle. Ordbrug: cluster = tema. */
export const daBoard: BoardMessages = {
  selection: {
    toolbar_one: 'Valgt post-it',
    toolbar_other: '{{count}} valgte post-its',
    count_one: '{{count}} valgt',
    count_other: '{{count}} valgt',
    duplicate_one: 'Kopiér post-it',
    duplicate_other: 'Kopiér {{count}} post-its',
    delete_one: 'Slet post-it',
    delete_other: 'Slet {{count}} post-its',
    group: 'Saml i tema',
    deleted_one: 'Post-it slettet',
    deleted_other: '{{count}} post-its slettet',
    duplicated_one: 'Post-it kopieret',
    duplicated_other: '{{count}} post-its kopieret',
    grouped_one: 'Tema oprettet om 1 post-it. Skriv dets titel.',
    grouped_other: 'Tema oprettet om {{count}} post-its. Skriv dets titel.',
  },
  cluster: {
    label_one: 'Tema: {{title}}, {{count}} post-it',
    label_other: 'Tema: {{title}}, {{count}} post-its',
    untitled: 'Tema uden titel',
    titleLabel: 'Temaets titel',
    placeholder: 'Giv temaet en titel…',
    count_one: '{{count}} post-it',
    count_other: '{{count}} post-its',
    resize: 'Ændr temaets størrelse (piletaster)',
    toolbar: 'Valgt tema',
    colorGroup: 'Temaets farve',
    setColor: 'Temaets farve: {{color}}',
    rename: 'Omdøb tema',
    tidy: 'Ryd op',
    delete: 'Slet tema (post-its bliver)',
    created: 'Tema tilføjet. Skriv dets titel.',
    deleted: 'Tema slettet; dets post-its bliver på tavlen',
    tidied: 'Temaets post-its er ryddet op',
  },
  clusterColors: { sand: 'Sand', sky: 'Himmel', mint: 'Mynte', rose: 'Rosa', lilac: 'Syren', slate: 'Skifer' },
  sizes: { s: 'Lille', m: 'Mellem', l: 'Stor' },
  keys: { mod: 'Ctrl' },
  list: {
    showList: 'Listevisning',
    toggleHint: 'Vis tavlen som en liste, til skærmlæsere og tastatur',
    summary:
      '{{notes}} post-its i {{themes}} temaer. Her kan hver post-it redigeres, få ny farve, flyttes til et tema eller slettes.',
    unclustered: 'Ikke i et tema',
    emptyTheme: 'Ingen post-its i dette tema endnu.',
    color: 'Farve',
    theme: 'Tema',
    deleteNote: 'Slet post-it “{{text}}”',
  },
};
