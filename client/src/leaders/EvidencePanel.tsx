import { type IdeaEvidence, type PublishedSource, sourceKey } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { boardNotePath } from '../routing/routes';
import { MarkdownView } from './MarkdownView';
import type { PanelIdea } from './panelModel';
import { sourcesByBoard } from './panelModel';

/**
 * What a leader decides on, beside the assessment: the idea's description, the
 * notes it came from (board, table, session, author unless anonymous) each with
 * its dot votes and one click to the note on its board, the votes summed, the
 * linked questions and proposals with their supports, participants' support for
 * the idea, and its related ideas. All of it comes from the server.
 */
export function EvidencePanel({
  idea,
  evidence,
  description,
  relatedTitles,
}: {
  idea: PanelIdea;
  evidence: IdeaEvidence | undefined;
  description: string;
  relatedTitles: string[];
}) {
  const { t } = useTranslation();
  const votes = evidence?.votes ?? {};
  const questions = evidence?.questions ?? [];
  return (
    <section className="evidence" aria-labelledby={`evidence-${idea.id}`} data-testid="evidence-panel">
      <header className="stack evidence-head">
        <h3 className="evidence-title" id={`evidence-${idea.id}`}>
          {t('evidence.title')}
        </h3>
        <ul className="evidence-counts">
          <li className="evidence-count" data-testid="evidence-vote-total" title={t('evidence.votesHint')}>
            <strong>{evidence?.voteTotal ?? 0}</strong> {t('evidence.votesTotal').toLowerCase()}
          </li>
          <li className="evidence-count" data-testid="evidence-idea-support">
            <strong>{evidence?.supports ?? 0}</strong> {t('evidence.ideaSupport').toLowerCase()}
          </li>
          <li className="evidence-count">
            <strong>{questions.length}</strong> {t('evidence.questions').toLowerCase()}
          </li>
        </ul>
      </header>

      <div className="stack evidence-block">
        <h4 className="evidence-label">{t('evidence.description')}</h4>
        {description.trim() ? (
          <MarkdownView markdown={description} className="evidence-description" />
        ) : (
          <p className="muted">{t('evidence.noDescription')}</p>
        )}
      </div>

      <div className="stack evidence-block">
        <h4 className="evidence-label">{t('evidence.sources')}</h4>
        {idea.provenance.length === 0 ? (
          <p className="muted">{t('evidence.noSources')}</p>
        ) : (
          sourcesByBoard(idea.provenance).map((board) => (
            <div key={board.boardId} className="stack evidence-board">
              <p className="evidence-where">
                {board.tableName
                  ? t('leaders.fromTable', { table: board.tableName })
                  : t('leaders.fromBoard', { board: board.boardTitle })}
                {board.sessionTitle && <span className="evidence-session"> · {board.sessionTitle}</span>}
              </p>
              <ul className="evidence-notes">
                {board.notes.map((note) => (
                  <SourceNote key={note.noteId} note={note} votes={votes[sourceKey(note)] ?? 0} />
                ))}
              </ul>
            </div>
          ))
        )}
      </div>

      <div className="stack evidence-block">
        <h4 className="evidence-label">{t('evidence.questions')}</h4>
        {questions.length === 0 ? (
          <p className="muted">{t('evidence.noQuestions')}</p>
        ) : (
          <ul className="evidence-questions">
            {questions.map((q) => (
              <li key={q.id} className="evidence-question" data-testid="evidence-question">
                <span className="evidence-kind" data-kind={q.kind}>
                  {t(`evidence.kinds.${q.kind}`)}
                </span>
                {q.isSource && <span className="evidence-source-badge">{t('evidence.fromQuestion')}</span>}
                <span className="evidence-question-text">{q.text}</span>
                <span className="evidence-question-meta">
                  {t('evidence.supports', { count: q.supports })}
                  {q.answer && ` · ${t('evidence.answered')}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="stack evidence-block">
        <h4 className="evidence-label">{t('evidence.related')}</h4>
        {relatedTitles.length === 0 ? (
          <p className="muted">{t('evidence.noRelated')}</p>
        ) : (
          <ul className="evidence-related">
            {relatedTitles.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function SourceNote({ note, votes }: { note: PublishedSource; votes: number }) {
  const { t } = useTranslation();
  const path = boardNotePath(note.boardId, note.noteId);
  return (
    <li className="evidence-note" data-testid="evidence-source" data-note-id={note.noteId}>
      <span className="evidence-votes" data-votes={votes} data-testid="evidence-source-votes">
        {t('evidence.votes', { count: votes })}
      </span>
      <span className="evidence-note-body">
        <span className="evidence-note-text">“{note.text}”</span>
        <span className="evidence-note-meta">
          {note.authorName ?? t('evidence.anonymous')}
          {note.clusterTitle && ` · ${t('leaders.cluster', { title: note.clusterTitle })}`}
        </span>
      </span>
      <a
        className="evidence-open"
        href={path}
        onClick={(event) => handleLinkClick(event, path)}
        data-testid="evidence-open-note"
      >
        {t('evidence.openOnBoard')} →
      </a>
    </li>
  );
}
