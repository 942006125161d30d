import type { FollowView, PrivateWritingView, Viewport as SharedViewport } from '@samle/shared';
import { type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardHistoryDialog } from '../history/BoardHistoryDialog';
import { bigScreenPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { AnonymousSwitch } from './AnonymousSwitch';
import type { FacilitatorCommands } from './useFacilitatorCommands';

/** How long "N notes revealed" stays on screen. */
const REVEALED_NOTICE_MS = 8000;

/**
 * The facilitator's live tools on a board: private writing (start, reveal all),
 * "bring everyone to my view", the anonymous-board switch, the board's history, and the link to
 * the big screen.
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

  return (
    <div className="live-tools" role="toolbar" aria-label={t('facilitation.tools')}>
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
      {privateWriting.on && (
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
      )}
      {revealed !== null && (
        <output className="live-notice" data-testid="private-writing-revealed">
          {t('privateWriting.revealed', { count: revealed })}
        </output>
      )}
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
      {historyOpen && <BoardHistoryDialog boardId={boardId} onClose={() => setHistoryOpen(false)} />}
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
  );
}
