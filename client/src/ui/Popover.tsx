import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A small panel under a header button (the timer's start menu, the vote form).
 * Escape or a press outside closes it and gives focus back to the button; it
 * is a labelled region, not a modal, so the board stays usable behind it.
 */
export function Popover(props: {
  open: boolean;
  onClose: () => void;
  label: string;
  trigger: (attributes: { 'aria-expanded': boolean; 'aria-controls': string }) => ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const { open, onClose, label, trigger, children, testId } = props;
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    if (!open) return;
    const root = rootRef.current;
    const panel = panelRef.current;
    const first =
      panel?.querySelector<HTMLElement>('[data-autofocus]') ?? panel?.querySelector<HTMLElement>('input, button');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    const close = (refocus: boolean) => {
      latestClose.current();
      if (refocus) root?.querySelector<HTMLElement>('[aria-controls]')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close(true);
    };
    const onPress = (event: PointerEvent) => {
      if (root && event.target instanceof Node && !root.contains(event.target)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPress);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPress);
    };
  }, [open]);

  return (
    <div className="popover-anchor" ref={rootRef}>
      {trigger({ 'aria-expanded': open, 'aria-controls': id })}
      {open && (
        <section id={id} ref={panelRef} className="popover" aria-label={label} data-testid={testId}>
          {children}
        </section>
      )}
    </div>
  );
}
