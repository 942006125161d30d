/** English strings for write mode, the board's views and text limits (phones and other small screens). */
export const enDevices = {
  views: {
    label: 'Show the board as',
    write: 'Write',
    writeHint: 'Write mode: your notes in a simple list, the board fitted to the screen',
    canvas: 'Board',
    canvasHint: 'The whole board: move, group and arrange notes',
    list: 'List',
    listHint: 'Show the board as a list, for screen readers and keyboards',
  },
  write: {
    composerLabel: 'Write a note',
    composerPlaceholder: 'One idea per note…',
    add: 'Put on the board',
    mine: 'Your notes',
    none: 'You have not written any notes on this board yet. Write one above.',
    noneReadOnly: 'You have no notes on this board.',
    board: 'The board',
    openCanvas: 'Open the whole board',
    previewLabel_one: 'Overview of the board with {{count}} note',
    previewLabel_other: 'Overview of the board with {{count}} notes',
    others: 'Everyone else’s notes',
    noOthers: 'Nobody else has written a note yet.',
  },
  anonymous: {
    title: 'Anonymous board',
    on: 'Anonymous',
    off: 'Names shown',
    meaningOff:
      'Off: each note shows who wrote it. Turning it on removes the names from every note on this board, also from its stored history, and new notes are written without a name. Names removed this way do not come back.',
    meaningOn:
      'On: no note shows who wrote it, and the names are gone from the board and its history. Turning it off again only signs new notes.',
  },
  text: {
    charactersLeft_one: '{{left}} character left',
    charactersLeft_other: '{{left}} characters left',
    pasteCut_one: 'The pasted text was too long: {{cut}} character was cut (a note holds {{max}}).',
    pasteCut_other: 'The pasted text was too long: {{cut}} characters were cut (a note holds {{max}}).',
  },
};
