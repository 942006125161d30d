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
    createLabel: 'Anonymous board',
    createMeaning:
      'No note shows who wrote it, from the first note on — not in its history either. You can turn it off later in the board tools; then only new notes are signed.',
  },
  shortcuts: {
    toggle: 'One-key shortcuts',
    list: 'Keyboard shortcuts',
    listHint: 'One-key shortcuts act when the board has focus and are switched on.',
    hint: 'Shortcuts like N (new note) and C (theme) act only when the board has focus. Switch them off if you use speech input or hit keys by accident; the toolbars and Ctrl shortcuts keep working.',
    close: 'Close',
  },
  a11y: {
    link: 'Accessibility statement',
    title: 'Accessibility statement',
    intro:
      'Samle aims to meet the Danish act on the accessibility of public bodies’ websites and apps (WCAG 2.1 level AA). The organisation that runs your Samle is responsible for this statement.',
    statusHeading: 'Conformance status',
    status: 'Samle partially conforms to WCAG 2.1 level AA because of the deviations below.',
    deviationsHeading: 'Content that is not accessible',
    deviations: {
      canvas:
        'On the board canvas, notes and themes are moved by dragging or arrow keys; the list view and write mode have every action without dragging.',
      bigScreen: 'Big-screen pages have no main content for the skip link to move to.',
      preview: 'The board overview in write mode cannot be pinch-zoomed inside the app (only with the browser’s zoom).',
      exports: 'Exported Word documents (the idea catalog) have not been assessed.',
      screenReaders: 'Not every page has been tested by hand with screen readers (NVDA, VoiceOver, TalkBack).',
    },
    deviationDates: {
      canvas: 'To be fixed by 31 March 2027.',
      bigScreen: 'To be fixed by 31 January 2027.',
      preview: 'To be fixed by 31 March 2027.',
      exports: 'To be assessed by 31 March 2027.',
      screenReaders: 'To be tested by 28 February 2027.',
    },
    feedbackHeading: 'Feedback and contact',
    feedback:
      'If something in Samle is hard or impossible for you to use, tell the organisation that invited you (your facilitator or municipality): which page, and what did not work.',
    enforcement:
      'If you are not satisfied with the answer, you can complain to the Danish Agency for Digital Government (digst.dk); discrimination on grounds of disability can be taken to the Board of Equal Treatment (ast.dk).',
    methodHeading: 'How this statement was made',
    assessed: 'Assessed on 6 December 2026; last updated 6 December 2026.',
    method:
      'Self-assessment: automated tests with axe-core (WCAG 2.0 and 2.1, A and AA) of every page in Danish and English on a laptop and a phone screen, automated checks of reflow at 320 px, keyboard access and phone use, and a manual review of screenshots.',
  },
  text: {
    charactersLeft_one: '{{left}} character left',
    charactersLeft_other: '{{left}} characters left',
    pasteCut_one: 'The pasted text was too long: {{cut}} character was cut (a note holds {{max}}).',
    pasteCut_other: 'The pasted text was too long: {{cut}} characters were cut (a note holds {{max}}).',
  },
};
