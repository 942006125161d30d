import * as Y from 'yjs';
import { applyTextDiff } from './textDiff';

/**
 * Binds a plain text field (a textarea, or a fake one in tests) to a Y.Text.
 *
 * Local input becomes a minimal splice on the Y.Text. A remote change rewrites
 * the field's value and puts the caret back where it was *relative to the
 * text around it*: the selection is captured as Y.RelativePositions just before
 * the remote transaction is applied, and resolved again afterwards, so a
 * collaborator typing before your caret does not push it around.
 */
export interface TextField {
  getValue(): string;
  setValue(value: string): void;
  /** [start, end] in UTF-16 code units, or undefined when the field does not have focus. */
  getSelection(): [number, number] | undefined;
  setSelection(start: number, end: number): void;
}

export interface TextBinding {
  /** Call from the field's `input` event. */
  handleInput(): void;
  destroy(): void;
}

/**
 * The origin of every local edit made through a text binding. The board's undo
 * history tracks it (besides plain local transactions), so typing can be undone;
 * remote edits carry the provider as origin and never are.
 */
export const LOCAL_TEXT_ORIGIN = { binding: 'text-field' } as const;

export function bindText(text: Y.Text, field: TextField): TextBinding {
  const doc = text.doc;
  if (!doc) throw new Error('bindText: the Y.Text must belong to a Y.Doc');
  const origin = LOCAL_TEXT_ORIGIN;
  let savedSelection: [Y.RelativePosition, Y.RelativePosition] | undefined;

  const beforeTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    const selection = field.getSelection();
    savedSelection = selection && [
      Y.createRelativePositionFromTypeIndex(text, selection[0]),
      Y.createRelativePositionFromTypeIndex(text, selection[1]),
    ];
  };

  const observer = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    const next = text.toString();
    if (field.getValue() === next) return;
    field.setValue(next);
    if (!savedSelection) return;
    const start = Y.createAbsolutePositionFromRelativePosition(savedSelection[0], doc);
    const end = Y.createAbsolutePositionFromRelativePosition(savedSelection[1], doc);
    if (start && end) field.setSelection(start.index, end.index);
  };

  doc.on('beforeTransaction', beforeTransaction);
  text.observe(observer);
  if (field.getValue() !== text.toString()) field.setValue(text.toString());

  return {
    handleInput() {
      applyTextDiff(text, field.getValue(), origin);
    },
    destroy() {
      doc.off('beforeTransaction', beforeTransaction);
      text.unobserve(observer);
    },
  };
}
