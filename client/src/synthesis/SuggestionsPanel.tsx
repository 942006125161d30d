import { useTranslation } from 'react-i18next';
import type { CatalogMarks } from './catalogMarks';
import { boardsOf, noteKey, type Suggestion } from './suggestions';

/** The suggested groups: the notes, the words they share; select them or dismiss the suggestion. */
export function SuggestionsPanel(props: {
  suggestions: Suggestion[];
  boardLabel: (boardId: string) => string;
  marks: CatalogMarks | null;
  onAccept: (suggestion: Suggestion) => void;
  onDismiss: (suggestion: Suggestion) => void;
  onAgain: () => void;
}) {
  const { suggestions, boardLabel, marks, onAccept, onDismiss, onAgain } = props;
  const { t } = useTranslation();
  return (
    <section className="synth-suggestions" aria-labelledby="synth-suggestions-title" data-testid="suggestions">
      <div className="synth-suggestions-head">
        <div>
          <h2 id="synth-suggestions-title" className="panel-title">
            {t('synthesis.suggest.title')}
          </h2>
          <p className="muted">{t('synthesis.suggest.intro')}</p>
        </div>
        <button type="button" className="button button-small" onClick={onAgain}>
          {t('synthesis.suggest.again')}
        </button>
      </div>
      {suggestions.length === 0 ? (
        <p className="synth-suggestions-none" data-testid="suggestions-none">
          {t('synthesis.suggest.none')}
        </p>
      ) : (
        <ul className="synth-suggestion-list">
          {suggestions.map((suggestion) => (
            <li key={suggestion.key} className="synth-suggestion" data-testid="suggestion">
              <p className="synth-suggestion-terms">
                <span className="sr-only">{t('synthesis.suggest.shared')}: </span>
                {suggestion.terms.map((term) => (
                  <span key={term} className="synth-term">
                    {term}
                  </span>
                ))}
              </p>
              <ul className="synth-suggestion-notes">
                {suggestion.notes.map((note) => (
                  <li key={`${note.boardId}|${note.noteId}`}>
                    <span className="synth-suggestion-note">
                      {note.text}
                      {marks?.has(noteKey(note.boardId, note.noteId)) && (
                        <span className="synth-mark synth-mark-inline">{t('synthesis.inCatalog')}</span>
                      )}
                    </span>
                    <span className="synth-suggestion-where">{boardLabel(note.boardId)}</span>
                  </li>
                ))}
              </ul>
              <p className="synth-suggestion-from">
                {t('synthesis.suggest.fromBoards', {
                  boards: boardsOf(suggestion)
                    .map((b) => boardLabel(b.boardId))
                    .join(', '),
                })}
              </p>
              <div className="synth-suggestion-actions">
                <button
                  type="button"
                  className="button button-small button-primary"
                  data-testid="accept-suggestion"
                  onClick={() => onAccept(suggestion)}
                >
                  {t('synthesis.suggest.accept', { count: suggestion.notes.length })}
                </button>
                <button
                  type="button"
                  className="button button-small button-ghost"
                  data-testid="dismiss-suggestion"
                  onClick={() => onDismiss(suggestion)}
                >
                  {t('synthesis.suggest.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
