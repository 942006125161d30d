import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { bothLanguages } from '../i18n/bothLanguages';
import type { ActionTools } from './ActionButton';
import { BoardToolbar } from './BoardToolbar';
import { ACTION_ROWS, type ActionState } from './boardActions';
import { ClusterToolbar } from './ClusterToolbar';
import { SelectionToolbar } from './SelectionToolbar';
import { ShortcutsHelp } from './ShortcutsToggle';

const languages = bothLanguages();

/** The element's HTML, rendered in Danish. */
function html(element: ReactElement): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: languages }, element));
}

/** Each button's attributes, by its test id (read from the markup: enough for what the toolbars say, without a DOM). */
function buttons(element: ReactElement): Map<string, Record<string, string>> {
  const markup = html(element);
  const found = new Map<string, Record<string, string>>();
  for (const [, attributes] of markup.matchAll(/<button([^>]*)>/g)) {
    const attrs = Object.fromEntries([...(attributes ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (attrs['data-testid']) found.set(attrs['data-testid'], attrs);
  }
  return found;
}

const tools = (state: Partial<ActionState>): ActionTools => ({
  state: { hasSelection: false, readOnly: false, canUndo: true, canRedo: false, ...state },
  run: () => undefined,
});

describe('the toolbars, rendered from the actions table', () => {
  it('give the selected notes their names (Danish), shortcuts and counts from the table', () => {
    const found = buttons(
      createElement(SelectionToolbar, {
        count: 2,
        color: 'pink',
        size: undefined,
        tools: tools({ hasSelection: true, selectionKind: 'notes', count: 2 }),
      }),
    );
    expect(found.get('duplicate')).toMatchObject({
      'aria-label': 'Kopiér 2 post-its',
      'aria-keyshortcuts': 'Control+D Meta+D',
      title: 'Kopiér 2 post-its (Ctrl+D)',
    });
    expect(found.get('delete-note')).toMatchObject({ 'aria-label': 'Slet 2 post-its', 'aria-keyshortcuts': 'Delete' });
    expect(found.get('group-selection')).toMatchObject({ 'aria-keyshortcuts': 'C', title: 'Saml i tema (C)' });
    expect(found.get('color-pink')).toMatchObject({ 'aria-keyshortcuts': '2', 'aria-pressed': 'true' });
    expect(found.get('size-l')).toMatchObject({ 'aria-label': 'Størrelse: Stor' });
    expect(found.get('size-l')?.['aria-keyshortcuts']).toBeUndefined();
  });

  it('name the theme’s buttons for a theme: its palette, rename, tidy, delete', () => {
    const found = buttons(
      createElement(ClusterToolbar, { color: 'sky', tools: tools({ hasSelection: true, selectionKind: 'cluster' }) }),
    );
    expect(found.get('cluster-color-sky')).toMatchObject({
      'aria-label': 'Temaets farve: Himmel',
      'aria-keyshortcuts': '2',
    });
    expect(found.get('rename-cluster')).toMatchObject({ 'aria-label': 'Omdøb tema', 'aria-keyshortcuts': 'Enter' });
    expect(found.get('tidy-cluster')).toMatchObject({ 'aria-keyshortcuts': 'T' });
    expect(found.get('delete-cluster')).toMatchObject({ 'aria-label': 'Slet tema (post-its bliver)' });
  });

  it('mark undo as disabled with nothing to undo, and leave out what writes on a read-only board', () => {
    const main = buttons(createElement(BoardToolbar, { zoom: 1, tools: tools({ canUndo: false }), readOnly: false }));
    expect(main.get('undo')).toMatchObject({ 'aria-disabled': 'true', 'aria-keyshortcuts': 'Control+Z Meta+Z' });
    expect(main.get('redo')?.['aria-keyshortcuts']).toBe('Control+Shift+Z Meta+Shift+Z Control+Y');
    expect(main.get('zoom-in')?.['aria-keyshortcuts']).toBe('+');
    const readOnly = buttons(
      createElement(BoardToolbar, { zoom: 1, tools: tools({ readOnly: true }), readOnly: true }),
    );
    expect([...readOnly.keys()].sort()).toEqual(['zoom-fit', 'zoom-in', 'zoom-level', 'zoom-out']);
  });

  it('list every action that has keys in the shortcuts help, and on a read-only board only those that read', () => {
    const markup = html(createElement(ShortcutsHelp, { readOnly: false }));
    const listed = [...markup.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(ACTION_ROWS.filter((row) => row.keys.length > 0).map((row) => row.id));
    expect(markup).toContain('<kbd>Ctrl+Shift+Z</kbd><kbd>Ctrl+Y</kbd></dt><dd>Annullér fortryd</dd>');
    const readOnly = html(createElement(ShortcutsHelp, { readOnly: true }));
    const readable = [...readOnly.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]);
    expect(readable).toEqual(ACTION_ROWS.filter((row) => row.keys.length > 0 && !row.writes).map((row) => row.id));
  });
});
