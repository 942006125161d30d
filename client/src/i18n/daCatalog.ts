import type { Messages } from './en';

type CatalogMessages = Pick<Messages, 'noteLink'>;

/** Danske tekster til idékataloget og til tavler, der åbnes ved én post-it derfra. */
export const daCatalog: CatalogMessages = {
  noteLink: {
    goneTitle: 'Denne post-it er slettet, siden den blev samlet.',
    goneText: 'Kataloget gemmer stadig teksten, som den var, da den blev samlet.',
    dismiss: 'Skjul',
  },
};
