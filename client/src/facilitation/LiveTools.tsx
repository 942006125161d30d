import type { FollowView, PrivateWritingView, Viewport as SharedViewport } from '@samle/shared';
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardHistoryDialog } from '../history/BoardHistoryDialog';
import { bigScreenPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { useSmallScreen } from '../ui/useSmallScreen';
import { AnonymousSwitch } from './AnonymousSwitch';
import type { FacilitatorCommands } from './useFacilitatorCommands';

/** How long "N notes revealed" stays on screen. */
const REVEALED_NOTICE_MS = 8000;

/**
 * The facilitator's live tools on a board: private writing (start, reveal all),
 * "bring everyone to my view", the anonymous-board switch, the board's history, and the link to
 * the big screen. On a phone they fold behind one "Tools" button (the five buttons took ~150 px of
 * the canvas); the reveal button and the "N revealed" notice stay out, as the room waits for them.
 */
export function LiveTools(props: {
  boardId: string;
  privateWriting: PrivateWritingView;
  follow: FollowView;
  commands: FacilitatorCommands;
  /** Where the facilitator looks now (kept up to date by the canvas). */
  viewport: RefObject<SharedViewport | null>;
  /** The board hides who wrote each note. */
  anonymous: boolean;
}) {
  const { boardId, privateWriting, follow, commands, viewport, anonymous } = props;
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<number | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const small = useSmallScreen();
  const [expanded, setExpanded] = useState(false);
  const folded = small && !expanded;
  const toolsId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (revealed === null) return;
    const handle = setTimeout(() => setRevealed(null), REVEALED_NOTICE_MS);
    return () => clearTimeout(handle);
  }, [revealed]);

  const togglePrivateWriting = async () => {
    const on = !privateWriting.on;
    const count = await commands.privateWriting(on);
    if (count !== null && !on) setRevealed(count);
    if (count !== null && on) setRevealed(null);
  };
  const toggleFollow = () => {
    const view = viewport.current;
    void commands.follow(follow.on ? { on: false } : { on: true, ...(view ? { viewport: view } : {}) });
  };

  // Escape folds the tools again and gives focus back to the button that opened them.
  const foldOnEscape = (event: KeyboardEvent) => {
    if (!small || event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    setExpanded(false);
    toggle.current?.focus();
  };

  return (
    <div className="live-tools" data-folded={folded || undefined} data-testid="live-tools">
      {small && (
        <button
          ref={toggle}
          type="button"
          className="tool-button live-tools-toggle"
          data-testid="live-tools-toggle"
          aria-expanded={expanded}
          aria-controls={toolsId}
          title={expanded ? t('facilitation.toolsHide') : t('facilitation.toolsShow')}
          onClick={() => setExpanded((was) => !was)}
        >
          <Icon name={expanded ? 'close' : 'tidy'} />
          <span>{t('facilitation.toolsButton')}</span>
        </button>
      )}
      {privateWriting.on && folded && revealButton()}
      {revealed !== null && folded && revealedNotice()}
      <div
        id={toolsId}
        className="live-tools-items"
        role="toolbar"
        aria-label={t('facilitation.tools')}
        hidden={folded}
        onKeyDown={foldOnEscape}
      >
        <button
          type="button"
          className="tool-button"
          data-testid="private-writing-toggle"
          aria-pressed={privateWriting.on}
          title={privateWriting.on ? t('privateWriting.revealHint') : t('privateWriting.startHint')}
          disabled={commands.busy}
          onClick={() => void togglePrivateWriting()}
        >
          <Icon name="lock" />
          <span>{t('privateWriting.start')}</span>
        </button>
        {privateWriting.on && !folded && revealButton()}
        {revealed !== null && !folded && revealedNotice()}
        <button
          type="button"
          className="tool-button"
          data-testid="follow-toggle"
          aria-pressed={follow.on}
          title={follow.on ? t('follow.stop') : t('follow.startHint')}
          disabled={commands.busy}
          onClick={toggleFollow}
        >
          <Icon name="follow" />
          <span>{follow.on ? t('follow.leading') : t('follow.start')}</span>
        </button>
        <AnonymousSwitch anonymous={anonymous} commands={commands} />
        <button
          type="button"
          className="tool-button"
          data-testid="history-open"
          aria-haspopup="dialog"
          title={t('versions.buttonHint')}
          onClick={() => setHistoryOpen(true)}
        >
          <Icon name="history" />
          <span>{t('versions.button')}</span>
        </button>
        <a
          className="tool-button"
          data-testid="board-big-screen-link"
          href={bigScreenPath(boardId)}
          target="_blank"
          rel="noopener"
          title={t('follow.bigScreenHint')}
        >
          <Icon name="screen" />
          <span>{t('follow.bigScreen')}</span>
        </a>
      </div>
      {historyOpen && <BoardHistoryDialog boardId={boardId} onClose={() => setHistoryOpen(false)} />}
    </div>
  );

  function revealButton() {
    return (
      <button
        type="button"
        className="tool-button tool-button-accent"
        data-testid="private-writing-reveal"
        title={t('privateWriting.revealHint')}
        disabled={commands.busy}
        onClick={() => void togglePrivateWriting()}
      >
        {t('privateWriting.reveal')}
      </button>
    );
  }

  function revealedNotice() {
    return (
      <output className="live-notice" data-testid="private-writing-revealed">
        {t('privateWriting.revealed', { count: revealed })}
      </output>
    );
  }
}
