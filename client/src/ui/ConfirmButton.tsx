import { type ReactNode, useState } from 'react';
import { Popover } from './Popover';

/**
 * A button whose action cannot simply be taken back (publishing, closing an
 * evaluation, removing the timer): pressing it asks first, in a small panel
 * that names what will happen. Yes has the focus, Escape or Cancel keeps
 * things as they are.
 */
export function ConfirmButton(props: {
  /** What the button shows (text and/or icon). */
  children: ReactNode;
  className: string;
  testId: string;
  question: string;
  /** What happens, in a sentence. */
  detail?: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  ariaLabel?: string;
  title?: string;
  /** Which edge of the button the panel lines up with (end for buttons near the right edge). */
  align?: 'start' | 'end';
  danger?: boolean;
}) {
  const { children, className, testId, question, detail, confirmLabel, cancelLabel, onConfirm } = props;
  const [open, setOpen] = useState(false);
  return (
    <div className="confirm-button" data-align={props.align ?? 'start'}>
      <Popover
        open={open}
        onClose={() => setOpen(false)}
        label={question}
        testId={`${testId}-confirm`}
        trigger={(attributes) => (
          <button
            type="button"
            className={className}
            data-testid={testId}
            aria-label={props.ariaLabel}
            title={props.title}
            disabled={props.disabled}
            onClick={() => setOpen((was) => !was)}
            {...attributes}
          >
            {children}
          </button>
        )}
      >
        <h2 className="popover-title">{question}</h2>
        {detail && <p className="popover-hint">{detail}</p>}
        <div className="confirm-actions">
          <button
            type="button"
            className={props.danger ? 'button button-danger' : 'button button-primary'}
            data-testid={`${testId}-yes`}
            data-autofocus
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {cancelLabel}
          </button>
        </div>
      </Popover>
    </div>
  );
}
