import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

/**
 * A follower's view of follow mode: "Following the facilitator" with a way to
 * stop, or — once stopped — a way back to the facilitator's view.
 */
export function FollowBadge(props: { following: boolean; onStop: () => void; onResume: () => void }) {
  const { following, onStop, onResume } = props;
  const { t } = useTranslation();
  if (!following) {
    return (
      <div className="follow-badge follow-badge-idle">
        <button
          type="button"
          className="button button-small"
          data-testid="resume-following"
          title={t('follow.resumeHint')}
          onClick={onResume}
        >
          <Icon name="follow" />
          {t('follow.resume')}
        </button>
      </div>
    );
  }
  return (
    <div className="follow-badge" data-testid="following-badge" role="status">
      <Icon name="follow" />
      <span>{t('follow.following')}</span>
      <button type="button" className="button button-small" data-testid="stop-following" onClick={onStop}>
        {t('follow.stopFollowing')}
      </button>
    </div>
  );
}
