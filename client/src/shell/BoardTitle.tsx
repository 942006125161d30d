/**
 * A board's name in the page header. A table's board is called "<session> — <table>" ("Medarbejderdag 1 — Bord 2");
 * on a phone there is room for a dozen letters beside the header's controls, so the two parts get a line each —
 * the session small above, the table below — and the part that tells a participant where they sit is never cut.
 * On wider screens the two parts read as one line, as before. The heading's text is the whole title either way.
 */
export function BoardTitle({ title }: { title: string }) {
  const parts = splitBoardTitle(title);
  return (
    <h1 className="board-title" data-testid="board-title" title={title}>
      {parts.context === undefined ? (
        <span className="board-title-name" data-testid="board-title-name">
          {parts.name}
        </span>
      ) : (
        <>
          <span className="board-title-context">
            {parts.context}
            <span className="board-title-separator">{parts.separator}</span>
          </span>
          <span className="board-title-name" data-testid="board-title-name">
            {parts.name}
          </span>
        </>
      )}
    </h1>
  );
}

export interface BoardTitleParts {
  /** What comes before the dash (the session), when the title has one. */
  context?: string;
  /** The dash with its spaces, kept so the heading's text is the title as written. */
  separator?: string;
  /** The part that names this board among its session's (the table). */
  name: string;
}

/** "Medarbejderdag 1 — Bord 2" → the session, " — ", "Bord 2"; a title without a spaced dash is all name. */
export function splitBoardTitle(title: string): BoardTitleParts {
  const match = /^(.*\S)(\s+[—–-]\s+)(\S.*)$/.exec(title);
  if (!match?.[1] || !match[2] || !match[3]) return { name: title };
  return { context: match[1], separator: match[2], name: match[3] };
}
