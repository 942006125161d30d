import type { UpdateWorkshopBody, WorkshopDetail } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { CommitField } from './CommitField';
import { evaluationLines, titleProblem } from './planModel';

/** The process's title and organisation, and the texts participants see (prompts). */
export function WorkshopFields(props: { detail: WorkshopDetail; onChange: (patch: UpdateWorkshopBody) => void }) {
  const { detail, onChange } = props;
  const { t } = useTranslation();
  const { prompts } = detail;
  return (
    <>
      <section className="panel" aria-labelledby="plan-workshop-title">
        <div className="panel-head">
          <h2 id="plan-workshop-title" className="panel-title">
            {t('plan.workshopHeading')}
          </h2>
        </div>
        <div className="plan-fields-grid">
          <CommitField
            className="plan-wide"
            label={t('plan.workshopTitle')}
            value={detail.workshop.title}
            problem={(value) => (titleProblem(value) ? t('plan.problems.titleRequired') : undefined)}
            onCommit={(title) => onChange({ title })}
            testId="plan-workshop-title"
          />
          <CommitField
            className="plan-wide"
            label={t('plan.organisation')}
            value={detail.workshop.organisation}
            onCommit={(organisation) => onChange({ organisation })}
            testId="plan-workshop-organisation"
          />
        </div>
      </section>
      <section className="panel" aria-labelledby="plan-prompts-title">
        <div className="panel-head">
          <h2 id="plan-prompts-title" className="panel-title">
            {t('plan.promptsHeading')}
          </h2>
        </div>
        <CommitField
          label={t('plan.reflectionPrompt')}
          hint={t('plan.reflectionPromptHint')}
          value={prompts.reflection}
          multiline
          problem={(value) => (value.trim() === '' ? t('plan.problems.reflectionRequired') : undefined)}
          onCommit={(reflection) => onChange({ prompts: { reflection: reflection.trim() } })}
          testId="plan-prompt-reflection"
        />
        <CommitField
          label={t('plan.questionsHint')}
          hint={t('plan.questionsHintHint')}
          value={prompts.questionsHint}
          onCommit={(questionsHint) => onChange({ prompts: { questionsHint: questionsHint.trim() } })}
          testId="plan-prompt-questions"
        />
        <CommitField
          label={t('plan.evaluationQuestions')}
          hint={t('plan.evaluationQuestionsHint')}
          value={prompts.evaluation.join('\n')}
          multiline
          problem={(value) => {
            const { problem } = evaluationLines(value);
            return problem ? t(`plan.problems.${problem}` as 'plan.problems.noQuestions') : undefined;
          }}
          onCommit={(value) => onChange({ prompts: { evaluation: evaluationLines(value).questions } })}
          testId="plan-prompt-evaluation"
        />
      </section>
    </>
  );
}
