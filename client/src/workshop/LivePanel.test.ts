import type { RoomState } from '@samle/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { bothLanguages } from '../i18n/bothLanguages';
import { LivePanel } from './LivePanel';

const languages = bothLanguages();

/** The panel's text as a facilitator reads it, in `lng`. */
function text(room: RoomState, lng: 'da' | 'en'): string {
  void languages.changeLanguage(lng);
  const markup = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: languages }, createElement(LivePanel, { room })),
  );
  return markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const morning: RoomState = {
  round: null,
  myDone: false,
  tables: [],
  questions: { unanswered: 0, oldestAt: null },
  evaluation: null,
  votes: [],
  drafts: [],
};

describe('the cockpit live panel', () => {
  it('does not claim every question was answered before anyone has asked one', () => {
    expect(text(morning, 'da')).toContain('Ingen ubesvarede spørgsmål.');
    expect(text(morning, 'da')).not.toContain('besvaret');
    expect(text(morning, 'en')).toContain('No unanswered questions.');
    expect(text(morning, 'en')).not.toContain('has been answered');
  });
});
