import { useTranslation } from 'react-i18next';
import type { Identity } from './identity';
import type { Peer } from './peers';
import { initials } from './presenceColors';

const MAX_SHOWN = 5;

/** Who is on the board: me first, then the others, with "+N" beyond five. */
export function AvatarList({ me, peers }: { me: Identity; peers: readonly Peer[] }) {
  const { t } = useTranslation();
  const shown = peers.slice(0, MAX_SHOWN - 1);
  const hidden = peers.length - shown.length;
  const meName = me.name ?? t('presence.you');
  return (
    <ul className="avatars" aria-label={t('presence.peopleHere', { count: peers.length + 1 })} data-testid="avatars">
      <li className="avatar avatar-me" style={{ background: me.color }} title={`${meName} (${t('presence.you')})`}>
        <span aria-hidden="true">{initials(meName)}</span>
        <span className="sr-only">
          {meName} ({t('presence.you')})
        </span>
      </li>
      {shown.map((peer) => (
        <li
          key={peer.clientId}
          className="avatar"
          style={{ background: peer.user.color }}
          title={peer.user.name}
          data-testid="avatar"
        >
          <span aria-hidden="true">{initials(peer.user.name)}</span>
          <span className="sr-only">{peer.user.name}</span>
        </li>
      ))}
      {hidden > 0 && (
        <li className="avatar avatar-more" title={t('presence.more', { count: hidden })}>
          <span aria-hidden="true">+{hidden}</span>
          <span className="sr-only">{t('presence.more', { count: hidden })}</span>
        </li>
      )}
    </ul>
  );
}
