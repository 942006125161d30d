import { type InputHTMLAttributes, useId } from 'react';

/** A labelled text input with its hint and error wired up for screen readers. */
export function Field(
  props: {
    label: string;
    error?: string | undefined;
    hint?: string | undefined;
    testId?: string;
    className?: string;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>,
) {
  const { label, error, hint, testId, className, ...input } = props;
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        data-testid={testId}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
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
