import { BOARD_TITLE_MAX } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBoard } from '../api/boardsApi';
import { apiErrorMessage } from '../api/errorMessage';
import { navigate } from '../routing/navigation';
import { boardPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { type TitleProblem, validateBoardTitle } from './validateTitle';

/** Creates a board by title and opens it. */
export function CreateBoardForm() {
  const { t } = useTranslation();
  const inputId = useId();
  const messageId = useId();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<TitleProblem>();
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<unknown>();
  const [anonymous, setAnonymous] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateBoardTitle(title);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setSubmitting(true);
    setServerError(undefined);
    try {
      const board = await createBoard({ title: checked.title, ...(anonymous ? { anonymous } : {}) });
      navigate(boardPath(board.id));
    } catch (error) {
      setServerError(error);
      setSubmitting(false);
    }
  };

  const message =
    problem === 'required'
      ? t('start.titleRequired')
      : problem === 'tooLong'
        ? t('start.titleTooLong', { max: BOARD_TITLE_MAX })
        : serverError !== undefined
          ? apiErrorMessage(t, serverError)
          : undefined;

  return (
    <form className="card create-form" onSubmit={onSubmit} noValidate aria-busy={submitting}>
      <h2 className="card-title">{t('start.createHeading')}</h2>
      <label className="field-label" htmlFor={inputId}>
        {t('start.titleLabel')}
      </label>
      <div className="create-row">
        <input
          id={inputId}
          className="text-input"
          data-testid="board-title-input"
          value={title}
          placeholder={t('start.titlePlaceholder')}
          maxLength={BOARD_TITLE_MAX + 20}
          autoComplete="off"
          aria-invalid={message !== undefined}
          aria-describedby={message ? messageId : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setProblem(undefined);
          }}
        />
        <button className="button button-primary" type="submit" data-testid="create-board" disabled={submitting}>
          <Icon name="plus" />
          {submitting ? t('start.creating') : t('start.create')}
        </button>
      </div>
      <label className="check-row create-anonymous">
        <input
          type="checkbox"
          role="switch"
          aria-checked={anonymous}
          data-testid="create-board-anonymous"
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <span>
          {t('anonymous.createLabel')}
          <span className="field-hint check-hint">{t('anonymous.createMeaning')}</span>
        </span>
      </label>
      {message && (
        <p id={messageId} className="field-error" role="alert" data-testid="create-board-error">
          {message}
        </p>
      )}
    </form>
  );
}
