import type { WorkshopDetail } from '@samle/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grantCredential } from '../api/credentials';
import { grants } from '../api/grants';
import { markDone } from '../api/roomApi';
import { getWorkshop } from '../api/workshopApi';
import { navigate } from '../routing/navigation';
import type { Route } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { useElementSize } from '../ui/useElementSize';
import { documentVisibility, startPoller } from '../workshopData/poller';
import { useRoomState } from '../workshopData/useRoomState';
import { type RoomDirection, roomDirection } from './roomDirection';
import { followStep, forgetLanding, landing, lastFollowed, rememberFollowed } from './roomMemory';

/** How soon a participant's page follows the facilitator's "start" (the workshop is asked this often). */
const POLL_MS = 2500;

function workshopOfRoute(route: Route): string | undefined {
  if ('workshopId' in route) return route.workshopId;
  if (route.name !== 'board') return undefined;
  // A board just landed on (from the join page) may not be indexed yet: then the one workshop joined as participant.
  const participantGrants = grants()
    .all()
    .filter((grant) => grant.person.role === 'participant');
  return (
    grants().workshopOfBoard(route.boardId) ??
    (participantGrants.length === 1 ? participantGrants[0]?.workshopId : undefined)
  );
}

/**
 * The agenda drives the room: for a participant, whichever page they are on
 * follows the item the facilitator starts (their table board during group work,
 * the plenum after, the reflection or evaluation page, the leader panel), once
 * per item, with a banner that says why. They may then go elsewhere; the next
 * item moves them again. During group work the banner holds "We are done".
 */
export function RoomFollower({ route }: { route: Route }) {
  const workshopId = workshopOfRoute(route);
  const grant = workshopId ? grants().get(workshopId) : undefined;
  if (!workshopId || !grant || grant.person.role !== 'participant' || route.name === 'boardScreen') return null;
  return <Follower workshopId={workshopId} token={grant.token} grant={grant} />;
}

function Follower(props: { workshopId: string; token: string; grant: Parameters<typeof grantCredential>[0] }) {
  const { workshopId, grant } = props;
  const credential = useMemo(() => grantCredential(grant), [grant]);
  const [direction, setDirection] = useState<RoomDirection | null>(null);
  const [dismissed, setDismissed] = useState<string>();

  useEffect(() => {
    let live = true;
    const run = async () => {
      let detail: WorkshopDetail;
      try {
        detail = await getWorkshop(workshopId, credential);
      } catch (error) {
        // The page itself reports connection trouble; following resumes with the next answer.
        console.warn('Could not ask where the room is', error);
        return;
      }
      if (!live) return;
      const next = roomDirection(detail);
      setDirection(next);
      const step = followStep(next, lastFollowed(workshopId), landing(workshopId));
      // Only the first direction after joining may find the participant where joining landed them.
      if (next) forgetLanding(workshopId);
      if (!next || step === 'stay') return;
      rememberFollowed(workshopId, next.key);
      setDismissed(undefined);
      if (step === 'move') navigate(next.path);
    };
    void run();
    const stop = startPoller({ run, intervalMs: POLL_MS, visibility: documentVisibility });
    return () => {
      live = false;
      stop();
    };
  }, [workshopId, credential]);

  if (!direction || dismissed === direction.key) return null;
  return <RoomBanner direction={direction} credential={credential} onDismiss={() => setDismissed(direction.key)} />;
}

function RoomBanner(props: {
  direction: RoomDirection;
  credential: ReturnType<typeof grantCredential>;
  onDismiss: () => void;
}) {
  const { direction, credential, onDismiss } = props;
  const { t } = useTranslation();
  const groupWork = direction.reason === 'groupWork';
  const { room, refresh } = useRoomState(groupWork ? direction.sessionId : undefined, 5000, credential);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  const done = room?.myDone ?? false;
  const ref = useRef<HTMLElement>(null);
  const { height } = useElementSize(ref);
  // On a phone the banner sits at the bottom: the board's toolbars and the page's end make room for it.
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--room-banner-space', `${Math.ceil(height) + 40}px`);
    return () => {
      root.style.removeProperty('--room-banner-space');
    };
  }, [height]);
  const toggle = async () => {
    setBusy(true);
    setError(false);
    try {
      await markDone(direction.sessionId, !done, credential);
      refresh();
    } catch (caught) {
      console.warn('Could not mark the table done', caught);
      setError(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <aside
      ref={ref}
      className="room-banner"
      data-testid="room-banner"
      data-reason={direction.reason}
      aria-live="polite"
    >
      <p className="room-banner-text">
        <strong>{direction.itemTitle ?? t(`room.reasons.${direction.reason}`)}</strong>
        <span>{t(`room.why.${direction.reason}`, { table: direction.tableName ?? '' })}</span>
      </p>
      {groupWork && (
        <button
          type="button"
          className={done ? 'button button-small' : 'button button-primary button-small'}
          data-testid="room-done"
          data-done={done || undefined}
          aria-pressed={done}
          disabled={busy}
          onClick={toggle}
        >
          {done ? t('room.notDone') : t('room.done')}
        </button>
      )}
      {error && (
        <span className="room-banner-error" role="alert">
          {t('room.doneFailed')}
        </span>
      )}
      <button type="button" className="icon-button" aria-label={t('room.dismiss')} onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </aside>
  );
}
