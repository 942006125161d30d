import { type AssessIdeaBody, type AssessmentView, DECISIONS, type Decision, RANK_MAX } from '@samle/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { DecisionHistory } from './DecisionHistory';
import { parseWholeNumber, sharedRank } from './estimates';
import { InternalFields } from './InternalFields';
import { assessIdea } from './leadersApi';
import { MonthSelect } from './MonthSelect';
import type { PanelIdea } from './panelModel';
import { RationaleEditor } from './RationaleEditor';
import { useLeaderErrorText } from './useLeaderErrorText';

type SaveState = 'idle' | 'saving' | 'saved' | 'unsaved';

/** A text or number field that keeps its own draft and commits it on blur or Enter. */
function useDraft<T>(value: T): [T, (next: T) => void] {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return [draft, setDraft];
}

/**
 * One idea's assessment: decision, rationale, priority, timeline, owner and
 * related ideas, each saved as a command the moment it is changed (the text
 * fields on blur or Enter), and the idea's decision history under it.
 */
export function AssessmentEditor({
  workshopId,
  credential,
  idea,
  ideas,
  working,
  onChanged,
}: {
  workshopId: string;
  credential: Credential;
  idea: PanelIdea;
  ideas: readonly PanelIdea[];
  /** The idea's whole assessment, with what only management sees (internal note, estimates). */
  working: AssessmentView | undefined;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useLeaderErrorText();
  const ids = { rationale: useId(), hint: useId(), rank: useId(), start: useId(), end: useId(), owner: useId() };
  const a = idea.assessment;
  const [error, setError] = useState<string>();
  const [rationaleState, setRationaleState] = useState<SaveState>('idle');
  const [rationaleDraft, setRationaleDraft] = useState<string | null>(null);
  const [rank, setRank] = useDraft(a?.rank != null ? String(a.rank) : '');
  const [owner, setOwner] = useDraft(a?.owner ?? '');
  const [rankInvalid, setRankInvalid] = useState<string>();
  const [historyVersion, setHistoryVersion] = useState(0);

  async function save(patch: AssessIdeaBody): Promise<boolean> {
    setError(undefined);
    try {
      await assessIdea(workshopId, idea.id, patch, credential);
      setHistoryVersion((v) => v + 1);
      onChanged();
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    }
  }

  async function commitRationale() {
    if (rationaleDraft === null || rationaleDraft === (a?.rationale ?? '')) return;
    setRationaleState('saving');
    const ok = await save({ rationale: rationaleDraft });
    setRationaleState(ok ? 'saved' : 'unsaved');
    if (ok) setRationaleDraft(null);
  }

  function commitRank() {
    const parsed = parseWholeNumber(rank, 1, RANK_MAX);
    if (!parsed.ok) {
      // Never a silent clear: say why, keep the saved priority.
      setRankInvalid(rank);
      return;
    }
    setRankInvalid(undefined);
    if (parsed.value !== (a?.rank ?? null)) void save({ rank: parsed.value });
  }

  function commitOwner() {
    if (owner.trim() !== (a?.owner ?? '')) void save({ owner: owner.trim() });
  }

  function commitMonth(field: 'startMonth' | 'endMonth', value: string) {
    const next = value === '' ? null : value;
    if (next === (a?.[field] ?? null)) return;
    void save({ [field]: next });
  }

  function onDecisionKey(event: React.KeyboardEvent, index: number) {
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (!step) return;
    event.preventDefault();
    const next = DECISIONS[(index + step + DECISIONS.length) % DECISIONS.length] as Decision;
    const group = (event.currentTarget as HTMLElement).parentElement;
    group?.querySelector<HTMLButtonElement>(`[data-decision="${next}"]`)?.focus();
  }

  const others = ideas.filter((other) => other.id !== idea.id);
  const sharedWith = sharedRank(idea.id, a?.rank, ideas);
  const related = new Set(a?.related ?? []);
  const decision = a?.decision ?? null;

  return (
    <div className="card stack assessment" data-testid="assessment-editor" data-idea-id={idea.id}>
      <header className="assessment-head">
        <h2 className="assessment-title">{idea.title}</h2>
        {idea.category && <span className="assessment-category">{idea.category}</span>}
      </header>

      {error && (
        <p className="notice notice-error" role="alert" data-testid="assessment-error">
          {error}
        </p>
      )}

      <fieldset className="assessment-block">
        <legend className="field-label">{t('leaders.decision')}</legend>
        <div className="decision-choices">
          {DECISIONS.map((choice, index) => (
            <button
              key={choice}
              type="button"
              className="decision-choice"
              data-decision={choice}
              data-testid={`decision-${choice}`}
              aria-pressed={decision === choice}
              onKeyDown={(event) => onDecisionKey(event, index)}
              onClick={() => void save({ decision: decision === choice ? null : choice })}
            >
              <span className="decision-choice-title">
                <span className="decision-dot" aria-hidden="true" />
                {t(`leaders.decisions.${choice}`)}
              </span>
              <span className="decision-choice-hint">{t(`leaders.decisionHints.${choice}`)}</span>
            </button>
          ))}
        </div>
      </fieldset>

      <div className="assessment-block">
        <div className="assessment-label-row">
          <span className="field-label" id={ids.rationale}>
            {t('leaders.rationale')}
          </span>
          <span className="rationale-state" aria-live="polite" data-testid="rationale-state">
            {rationaleState === 'saving'
              ? t('leaders.saving')
              : rationaleDraft !== null
                ? t('leaders.unsaved')
                : rationaleState === 'saved'
                  ? t('leaders.saved')
                  : ''}
          </span>
        </div>
        <RationaleEditor
          ideaId={idea.id}
          markdown={a?.rationale ?? ''}
          labelId={ids.rationale}
          hintId={ids.hint}
          onDraft={(markdown) => {
            setRationaleDraft(markdown);
            setRationaleState('unsaved');
          }}
          onCommit={() => void commitRationale()}
        />
        <div className="assessment-label-row">
          <p className="field-hint" id={ids.hint}>
            {t('leaders.rationaleHint')}
          </p>
          <button
            type="button"
            className="button button-small"
            data-testid="save-rationale"
            disabled={rationaleDraft === null}
            onClick={() => void commitRationale()}
          >
            {t('leaders.saveRationale')}
          </button>
        </div>
      </div>

      <div className="assessment-grid">
        <label className="assessment-field" htmlFor={ids.rank}>
          <span className="field-label">{t('leaders.rank')}</span>
          <input
            id={ids.rank}
            className="text-input"
            type="text"
            inputMode="numeric"
            value={rank}
            aria-invalid={rankInvalid !== undefined}
            data-testid="assessment-rank"
            onChange={(event) => setRank(event.target.value)}
            onBlur={commitRank}
            onKeyDown={(event) => event.key === 'Enter' && commitRank()}
          />
          <span className="field-hint">{t('leaders.rankHint')}</span>
          {rankInvalid !== undefined && (
            <span className="field-error" role="alert" data-testid="rank-invalid">
              {t('evidence.rankInvalid', { value: rankInvalid })}
            </span>
          )}
          {sharedWith.length > 0 && (
            <span className="field-warning" data-testid="rank-shared">
              {t('evidence.rankShared', { rank: a?.rank, titles: sharedWith.join(', ') })}
            </span>
          )}
        </label>
        <label className="assessment-field" htmlFor={ids.start}>
          <span className="field-label">{t('leaders.start')}</span>
          <MonthSelect
            id={ids.start}
            value={a?.startMonth ?? null}
            testId="assessment-start"
            onChange={(value) => commitMonth('startMonth', value)}
          />
        </label>
        <label className="assessment-field" htmlFor={ids.end}>
          <span className="field-label">{t('leaders.end')}</span>
          <MonthSelect
            id={ids.end}
            value={a?.endMonth ?? null}
            testId="assessment-end"
            onChange={(value) => commitMonth('endMonth', value)}
          />
        </label>
        <label className="assessment-field assessment-owner" htmlFor={ids.owner}>
          <span className="field-label">{t('leaders.owner')}</span>
          <input
            id={ids.owner}
            className="text-input"
            type="text"
            maxLength={120}
            value={owner}
            placeholder={t('leaders.ownerPlaceholder')}
            data-testid="assessment-owner"
            onChange={(event) => setOwner(event.target.value)}
            onBlur={commitOwner}
            onKeyDown={(event) => event.key === 'Enter' && commitOwner()}
          />
        </label>
      </div>

      <InternalFields key={idea.id} assessment={working} save={save} />

      <fieldset className="assessment-block">
        <legend className="field-label">{t('leaders.related')}</legend>
        {others.length === 0 ? (
          <p className="muted">{t('leaders.noOtherIdeas')}</p>
        ) : (
          <ul className="related-list">
            {others.map((other) => (
              <li key={other.id}>
                <label className="related-choice">
                  <input
                    type="checkbox"
                    checked={related.has(other.id)}
                    data-testid="assessment-related"
                    data-idea-id={other.id}
                    onChange={(event) => {
                      const next = new Set(related);
                      if (event.target.checked) next.add(other.id);
                      else next.delete(other.id);
                      void save({ related: [...next] });
                    }}
                  />
                  {other.title}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <DecisionHistory
        workshopId={workshopId}
        ideaId={idea.id}
        credential={credential}
        version={`${historyVersion}:${a?.updatedAt ?? 0}`}
        titles={new Map(ideas.map((i) => [i.id, i.title]))}
      />
    </div>
  );
}
