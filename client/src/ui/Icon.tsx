/** A handful of 20px line icons, drawn inline so there is no icon font to load. */
const PATHS = {
  plus: 'M10 4v12M4 10h12',
  minus: 'M4 10h12',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10',
  fit: 'M4 8V4h4M12 4h4v4M16 12v4h-4M8 16H4v-4',
  edit: 'M4 16l1-4 8-8 3 3-8 8-4 1zM11 6l3 3',
  arrow: 'M12 5l-5 5 5 5',
  forward: 'M8 5l5 5-5 5',
  copy: 'M7 7V4h9v9h-3M4 7h9v9H4z',
  screen: 'M3 4h14v9H3zM7 16h6M10 13v3',
  people:
    'M7 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM2 16c.8-2.6 2.7-4 5-4s4.2 1.4 5 4M13.5 9a2 2 0 1 0 0-4M14 12c1.8.2 3.2 1.5 4 4',
  refresh: 'M15 9a5 5 0 1 0-1.5 4.5M15 4v5h-5',
  user: 'M10 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 17c1-3 3.5-4.5 6-4.5s5 1.5 6 4.5',
  undo: 'M7 5L3.5 8.5 7 12M4 8.5h8a4 4 0 0 1 0 8H9',
  redo: 'M13 5l3.5 3.5L13 12M16 8.5H8a4 4 0 0 0 0 8h3',
  frame: 'M3 3h14v14H3zM3 7h14',
  group: 'M2.5 2.5h15v15h-15zM6 6h3.5v3.5H6zM10.5 10.5H14V14h-3.5z',
  tidy: 'M4 4h5v5H4zM11 4h5v5h-5zM4 11h5v5H4zM11 11h5v5h-5z',
  list: 'M7 5h10M7 10h10M7 15h10M3.5 5h.01M3.5 10h.01M3.5 15h.01',
  numbered: 'M8 5h9M8 10h9M8 15h9M3 4l1.5-1v4M2.8 12.2a1.3 1.3 0 0 1 2.4.6c0 .8-2.4 1.7-2.4 3.2h2.5',
  board: 'M3 3h6v8H3zM11 3h6v5h-6zM11 10h6v7h-6zM3 13h6v4H3z',
  history: 'M3.5 10a6.5 6.5 0 1 0 2-4.7M3.5 3.5v3h3M10 6.5V10l2.5 1.5',
  clock: 'M10 17.5a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 7v3.5l2.5 1.5M8 2h4',
  pause: 'M7.5 5.5v9M12.5 5.5v9',
  play: 'M7 5l8 5-8 5z',
  close: 'M5.5 5.5l9 9M14.5 5.5l-9 9',
  check: 'M4 10.5l4 4 8-9',
  sound: 'M3.5 8h3l4-3v10l-4-3h-3zM13.5 7.5a3.5 3.5 0 0 1 0 5M15.5 5.5a6.5 6.5 0 0 1 0 9',
  muted: 'M3.5 8h3l4-3v10l-4-3h-3zM13.5 8l4 4M17.5 8l-4 4',
  dots: 'M6 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM14 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM10 16a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  sort: 'M6 4v12M3 13l3 3 3-3M11 5h6M11 10h4M11 15h2',
  lock: 'M5 9h10v8H5zM7 9V6.5a3 3 0 0 1 6 0V9',
  follow: 'M4 4l5 12 2-5 5-2z',
  spotlight: 'M10 2v2M4.3 4.3l1.4 1.4M15.7 4.3l-1.4 1.4M10 7a4 4 0 0 0-2 7.5V17h4v-2.5A4 4 0 0 0 10 7z',
  info: 'M10 17.5a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15zM10 9v5M10 6.2h.01',
  up: 'M5 12l5-5 5 5',
  down: 'M5 8l5 5 5-5',
  grip: 'M7.5 5h.01M12.5 5h.01M7.5 10h.01M12.5 10h.01M7.5 15h.01M12.5 15h.01',
  merge: 'M5 3v4a5 5 0 0 0 5 5 5 5 0 0 1 5 5M15 3v4a5 5 0 0 1-3 4.6M5 17v-2',
  split: 'M10 17v-5M10 12L5 5M10 12l5-7M3 5h4M13 5h4',
  link: 'M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1',
  search: 'M8.5 14.5a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM13 13l4.5 4.5',
  spark: 'M10 2.5l1.8 5.7 5.7 1.8-5.7 1.8-1.8 5.7-1.8-5.7-5.7-1.8 5.7-1.8z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
