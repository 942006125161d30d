import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { bothLanguages } from '../i18n/bothLanguages';
import type { ConnectionState } from '../sync/connectionState';
import type { LocalSync } from '../sync/docConnection';
import { ConnectionBanner } from './ConnectionBanner';

const languages = bothLanguages();

function render(state: ConnectionState, local: LocalSync, lng: 'da' | 'en' = 'da'): string {
  void languages.changeLanguage(lng);
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n: languages },
      createElement(ConnectionBanner, { state, local, onRetry: () => {} }),
    ),
  );
}

const connected: ConnectionState = { kind: 'connected' };

describe('the strip under the board header', () => {
  it('says, with no network, that the changes stay on this device and how many wait — in Danish and English', () => {
    const offline = { online: false, loaded: true, unsynced: 2 };
    const danish = render(connected, offline, 'da');
    expect(danish).toContain('data-testid="offline-notice"');
    expect(danish).toContain('gemmes på denne enhed');
    expect(danish).toMatch(/2 ændringer/);
    const english = render(connected, offline, 'en');
    expect(english).toContain('kept on this device');
    expect(english).toMatch(/2 unsynced changes/);
  });

  it('shows nothing while the board is connected', () => {
    expect(render(connected, { online: true, loaded: true, unsynced: 0 })).toBe('');
  });
});
