/** English strings for the idea catalog and for boards opened at one note from it. */
export const enCatalog = {
  noteLink: {
    goneTitle: 'This note has been deleted since it was gathered.',
    goneText: 'The catalog still keeps its text as it was when it was gathered.',
    dismiss: 'Hide',
  },
};
