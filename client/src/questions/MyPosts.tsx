import { useTranslation } from 'react-i18next';
import type { MyPost } from './myPosts';

/** The caller's own posts, including those the facilitator hid (with the reason, which only they see). */
export function MyPosts({ posts }: { posts: MyPost[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel my-posts" aria-labelledby="my-posts-heading">
      <h2 id="my-posts-heading" className="panel-title">
        {t('questions.mineHeading')}
      </h2>
      {posts.length === 0 && <p className="muted">{t('questions.mineEmpty')}</p>}
      <ul className="my-post-list">
        {posts.map((post) => (
          <li
            key={post.id}
            className="my-post"
            data-testid="my-question"
            data-question-id={post.id}
            data-hidden={post.hidden}
          >
            <div className="row question-meta">
              <span className="kind-tag" data-kind={post.kind}>
                {t(`questions.kinds.${post.kind}`)}
              </span>
              {post.hidden ? (
                <span className="status-badge" data-status="hidden">
                  {t('questions.mineHidden')}
                </span>
              ) : (
                <span className="status-badge" data-status={post.status}>
                  {t(`questions.status.${post.status}`)}
                </span>
              )}
              {post.anonymous && <span className="muted">{t('questions.mineAnonymous')}</span>}
            </div>
            <p className="my-post-text">{post.text}</p>
            {post.hiddenReason !== null && (
              <p className="hidden-reason" data-testid="my-question-reason">
                {t('questions.mineReason', { reason: post.hiddenReason })}
              </p>
            )}
            {post.answer !== null && (
              <p className="my-post-answer">
                <strong>
                  {post.answeredBy
                    ? t('questions.answerBy', { name: post.answeredBy })
                    : t('questions.answerByUnknown')}
                  :
                </strong>{' '}
                {post.answer}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
