import type { RoomState } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../ui/useDateFormat';

/** The cockpit's live counts beside the tables: unanswered questions with their age, vote turnout, drafts waiting in private writing, evaluation answers. */
export function LivePanel({ room }: { room: RoomState | undefined }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  if (!room || (room.questions === null && room.evaluation === null)) return null;
  return (
    <section className="panel live-panel" aria-labelledby="live-title" data-testid="live-panel">
      <div className="panel-head">
        <h2 id="live-title" className="panel-title">
          {t('cockpit.liveTitle')}
        </h2>
      </div>
      <ul className="live-counts">
        {room.questions && (
          <li data-testid="live-questions" data-count={room.questions.unanswered}>
            {room.questions.unanswered === 0 || room.questions.oldestAt === null
              ? t('cockpit.noUnansweredQuestions')
              : t('cockpit.unansweredQuestions', {
                  count: room.questions.unanswered,
                  age: formatDate(room.questions.oldestAt),
                })}
          </li>
        )}
        {room.votes.map((vote) => (
          <li key={`vote-${vote.boardId}`} data-testid="live-vote" data-voters={vote.voters}>
            {t('cockpit.voteTurnout', { board: vote.title, count: vote.voters, of: vote.of })}
          </li>
        ))}
        {room.drafts.map((waiting) => (
          <li key={`drafts-${waiting.boardId}`} data-testid="live-drafts" data-notes={waiting.notes}>
            {t('cockpit.draftsWaiting', { board: waiting.title, count: waiting.notes, writers: waiting.writers })}
          </li>
        ))}
        {room.evaluation && (
          <li data-testid="live-evaluation">
            {t('cockpit.evaluationRate', { count: room.evaluation.responses, of: room.evaluation.of })}
          </li>
        )}
      </ul>
    </section>
  );
}
