import type { WorkshopDetail } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { setQuestionSupport } from '../api/questionsApi';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { MyPosts } from './MyPosts';
import { myPostIds, myPosts } from './myPosts';
import { QuestionCard } from './QuestionCard';
import { QuestionForm } from './QuestionForm';
import { questionAbilities } from './questionForm';
import { useCatalogIdeas } from './useCatalogIdeas';
import { useMyQuestions, useQuestionList } from './useQuestions';

/** Questions to management: post, the live list with supports and answers, and the caller's own posts. */
export function QuestionsView({ detail, credential }: { detail: WorkshopDetail; credential: Credential }) {
  const { t } = useTranslation();
  const workshopId = detail.workshop.id;
  const abilities = questionAbilities(detail.role, detail.personId);
  const { questions, link } = useQuestionList(workshopId, credential);
  const { mine, reload } = useMyQuestions(workshopId, credential, questions);
  const ideas = useCatalogIdeas(workshopId, credential, abilities.catalog);
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [supportError, setSupportError] = useState<string>();
  const mineIds = myPostIds(mine);

  const supportedNow = (id: string) => pending.get(id) ?? mine?.supported.includes(id) ?? false;

  const support = async (id: string, supported: boolean) => {
    setSupportError(undefined);
    setPending((old) => new Map(old).set(id, supported));
    try {
      await setQuestionSupport(id, supported, credential);
      await reload();
    } catch (error) {
      setSupportError(toolErrorMessage(t, error));
    } finally {
      setPending((old) => {
        const next = new Map(old);
        next.delete(id);
        return next;
      });
    }
  };

  return (
    <div className="questions-layout">
      <div className="questions-side">
        <p className="lead tool-intro">{t('questions.intro')}</p>
        {abilities.post && (
          <QuestionForm
            workshopId={workshopId}
            credential={credential}
            hint={detail.prompts.questionsHint}
            onPosted={reload}
          />
        )}
        {!abilities.post && (
          <p className="notice">{abilities.hide ? t('questions.facilitatorNote') : t('questions.viewerNote')}</p>
        )}
      </div>
      {abilities.post && (
        <div className="questions-mine">
          <MyPosts posts={myPosts(mine?.posts ?? [], questions)} />
        </div>
      )}
      <section className="questions-main" aria-labelledby="questions-list-heading">
        <div className="panel-head">
          <h2 id="questions-list-heading" className="panel-title">
            {t('questions.listHeading')}{' '}
            <span className="muted">({t('questions.count', { count: questions.length })})</span>
          </h2>
          <span className="link-pill" data-link={link} role="status" data-testid="questions-link">
            {link === 'live'
              ? t('questions.live')
              : link === 'offline'
                ? t('questions.offline')
                : t('questions.connecting')}
          </span>
        </div>
        {supportError && (
          <p className="notice notice-error" role="alert">
            {supportError}
          </p>
        )}
        {link === 'live' && questions.length === 0 && <p className="empty-note muted">{t('questions.empty')}</p>}
        <ul className="question-list">
          {questions.map((question) => (
            <QuestionCard
              key={question.id}
              workshopId={workshopId}
              question={question}
              abilities={abilities}
              credential={credential}
              mine={mineIds.has(question.id)}
              supported={supportedNow(question.id)}
              supportBusy={pending.has(question.id)}
              ideas={ideas}
              onSupport={(supported) => void support(question.id, supported)}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
