import { useSyncExternalStore } from 'react';

/**
 * Whether the board's one-key shortcuts (N, C, F, 1–6, +, −, 0) are on. WCAG
 * 2.1.4: people who use speech input or type by accident can switch them off;
 * they then keep the same commands through the toolbars and Ctrl/⌘ shortcuts.
 */
const KEY = 'samle.singleKeyShortcuts';
const CHANGED = 'samle:shortcuts-changed';

export function singleKeyShortcutsOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    // Storage disabled: the default (on) applies, as on a first visit.
    return true;
  }
}

export function setSingleKeyShortcuts(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch (error) {
    console.warn('Could not remember the shortcut setting; it applies until the page is closed', error);
  }
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useSingleKeyShortcuts(): boolean {
  return useSyncExternalStore(subscribe, singleKeyShortcutsOn, () => true);
}

/**
 * A key press that types one character with no Ctrl/⌘/Alt: what WCAG 2.1.4
 * calls a character key shortcut. Space is left out: held down it only turns a
 * drag into panning, it does nothing by itself.
 */
export function isCharacterKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}
