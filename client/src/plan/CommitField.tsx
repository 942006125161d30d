import { type KeyboardEvent, useId, useState } from 'react';

/**
 * A labelled field that saves when the facilitator leaves it (or presses
 * Enter in a one-line field), not on every key. It shows the server's value
 * until then: a newer value from the server replaces it only when it changes.
 */
export function CommitField(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** A message when the value would be refused; nothing is sent then. */
  problem?: (value: string) => string | undefined;
  hint?: string;
  type?: 'text' | 'date' | 'time' | 'number';
  multiline?: boolean;
  disabled?: boolean;
  placeholder?: string;
  testId?: string;
  className?: string;
}) {
  const { label, value, onCommit, problem, hint, type = 'text', multiline = false, disabled, placeholder } = props;
  const id = useId();
  const [error, setError] = useState<string>();
  const commit = (next: string) => {
    const refusal = problem?.(next);
    setError(refusal);
    if (refusal === undefined && next !== value) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.currentTarget.blur();
  };
  // In a text area Enter is a new line; Ctrl/⌘+Enter saves, as in most editors.
  const onAreaKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.blur();
  };
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    defaultValue: value,
    disabled,
    placeholder,
    'data-testid': props.testId,
    'aria-invalid': error !== undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        // Remounts with the server's value when it changes (another tab, or our own save coming back).
        <textarea
          key={value}
          className="text-input plan-textarea"
          rows={3}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={onAreaKeyDown}
          {...shared}
        />
      ) : (
        <input
          key={value}
          className="text-input"
          type={type}
          min={type === 'number' ? 1 : undefined}
          max={type === 'number' ? 600 : undefined}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={onKeyDown}
          {...shared}
        />
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
