import { type RefObject, useEffect, useRef } from 'react';
import { type BoardCommand, commandForKey, type KeyTarget } from './boardKeys';
import { isCharacterKey, singleKeyShortcutsOn } from './shortcutSetting';

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'board';
  if (target.isContentEditable || target.matches('textarea, input, select')) return 'text';
  if (target.matches('button, a[href], [role="button"]')) return 'control';
  return 'board';
}

/**
 * Board keyboard shortcuts (see boardKeys.ts). One-character shortcuts (N, C,
 * 1–6…) act only while focus is inside the board workspace, and not at all
 * when the person switched them off (WCAG 2.1.4); Ctrl/⌘ shortcuts also act
 * from the page body. Never inside a dialog or the header's controls. Also
 * tracks the space bar for space+drag panning.
 */
export function useBoardKeys(
  workspaceRef: RefObject<HTMLElement | null>,
  selectionKind: 'notes' | 'cluster' | undefined,
  run: (command: BoardCommand) => void,
  readOnly = false,
): RefObject<boolean> {
  const spaceHeld = useRef(false);
  const latest = useRef({ selectionKind, run, readOnly });
  latest.current = { selectionKind, run, readOnly };

  useEffect(() => {
    const inBoard = (target: EventTarget | null) =>
      target instanceof Node && workspaceRef.current?.contains(target) === true && !isInDialog(target);

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const characterKey = isCharacterKey(event);
      if (!(inBoard(event.target) || (event.target === document.body && !characterKey))) return;
      if (characterKey && !singleKeyShortcutsOn()) return;
      const kind = keyTarget(event.target);
      if (event.key === ' ' && kind === 'board') {
        spaceHeld.current = true;
        workspaceRef.current?.setAttribute('data-space-pan', '');
        event.preventDefault();
        return;
      }
      const command = commandForKey({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: kind,
        hasSelection: latest.current.selectionKind !== undefined,
        selectionKind: latest.current.selectionKind,
        readOnly: latest.current.readOnly,
      });
      if (!command) return;
      event.preventDefault();
      latest.current.run(command);
    };
    const releaseSpace = () => {
      spaceHeld.current = false;
      workspaceRef.current?.removeAttribute('data-space-pan');
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') releaseSpace();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', releaseSpace);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', releaseSpace);
    };
  }, [workspaceRef]);

  return spaceHeld;
}

function isInDialog(node: Node): boolean {
  return node instanceof Element && node.closest('dialog') !== null;
}
