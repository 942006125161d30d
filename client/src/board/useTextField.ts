import { type RefObject, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { bindText, type TextBinding } from '../interaction/textBinding';

/**
 * Binds a textarea or input to a Y.Text (see textBinding.ts) for as long as it
 * is mounted. Returns the handler for the element's `input` event.
 */
export function useTextField(
  ref: RefObject<HTMLTextAreaElement | HTMLInputElement | null>,
  text: Y.Text | undefined,
): () => void {
  const binding = useRef<TextBinding>(undefined);
  useEffect(() => {
    const element = ref.current;
    if (!element || !text) return;
    binding.current = bindText(text, {
      getValue: () => element.value,
      setValue: (value) => {
        element.value = value;
      },
      getSelection: () =>
        document.activeElement === element ? [element.selectionStart ?? 0, element.selectionEnd ?? 0] : undefined,
      setSelection: (start, end) => element.setSelectionRange(start, end),
    });
    return () => {
      binding.current?.destroy();
      binding.current = undefined;
    };
  }, [ref, text]);
  return () => binding.current?.handleInput();
}
