import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { shareToBoard } from '../api/shareApi';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { type ReflectionParagraph, SHARE_TEXT_MAX } from './paragraphs';
import type { ShareTarget } from './shareTargets';

/** One paragraph in the share list: its text, "Share to board…", and the small form that does it. */
export function ShareParagraph(props: {
  paragraph: ReflectionParagraph;
  targets: ShareTarget[];
  credential: Credential;
}) {
  const { paragraph, targets, credential } = props;
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [boardId, setBoardId] = useState(targets[0]?.board.id ?? '');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [sharedTo, setSharedTo] = useState<string>();

  const chosen = targets.find((target) => target.board.id === boardId) ?? targets[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await shareToBoard(chosen.board.id, { text: paragraph.text, anonymous }, credential);
      setSharedTo(chosen.label);
      setOpen(false);
    } catch (error) {
      setFailure(toolErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="share-paragraph" data-paragraph-key={paragraph.key}>
      <p className="share-paragraph-text">{paragraph.text}</p>
      {paragraph.tooLong ? (
        <p className="field-hint">{t('reflection.tooLong', { max: SHARE_TEXT_MAX })}</p>
      ) : (
        !open && (
          <div className="row share-paragraph-actions">
            <button
              type="button"
              className="button button-small"
              data-testid="reflection-share"
              aria-expanded={false}
              onClick={() => {
                setOpen(true);
                setSharedTo(undefined);
              }}
            >
              {t('reflection.share')}
            </button>
            {sharedTo && (
              <span className="share-done" role="status" data-testid="reflection-shared">
                ✓ {t('reflection.shared', { board: sharedTo })}
              </span>
            )}
          </div>
        )
      )}
      {open && (
        <form className="share-form" onSubmit={submit} aria-label={t('reflection.shareHeading')} noValidate>
          {targets.length === 0 ? (
            <p className="muted">{t('reflection.noBoards')}</p>
          ) : (
            <>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-board`}>
                  {t('reflection.boardLabel')}
                </label>
                <select
                  id={`${id}-board`}
                  className="select"
                  data-testid="reflection-share-board"
                  value={chosen?.board.id ?? ''}
                  onChange={(event) => setBoardId(event.target.value)}
                >
                  {targets.map((target) => (
                    <option key={target.board.id} value={target.board.id}>
                      {target.label}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className="share-signature">
                <legend className="field-label">{t('reflection.signature')}</legend>
                <label className="check-row">
                  <input type="radio" name={`${id}-sig`} checked={!anonymous} onChange={() => setAnonymous(false)} />
                  {t('reflection.asNamed')}
                </label>
                <label className="check-row">
                  <input
                    type="radio"
                    name={`${id}-sig`}
                    data-testid="reflection-share-anonymous"
                    checked={anonymous}
                    onChange={() => setAnonymous(true)}
                  />
                  {t('reflection.asAnonymous')}
                </label>
              </fieldset>
            </>
          )}
          {failure && (
            <p className="field-error" role="alert">
              {failure}
            </p>
          )}
          <div className="form-actions">
            {targets.length > 0 && (
              <button
                type="submit"
                className="button button-primary button-small"
                data-testid="reflection-share-submit"
                disabled={busy}
              >
                {busy ? t('reflection.sharing') : t('reflection.shareSubmit')}
              </button>
            )}
            <button type="button" className="button button-small button-ghost" onClick={() => setOpen(false)}>
              {t('reflection.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
