import { describe, expect, it } from 'vitest';
import { bothLanguages } from '../i18n/bothLanguages';
import { fillIn } from './fillIn';

describe('fillIn', () => {
  it("gives a note's label, author line and draft label as i18next does, in Danish and English", async () => {
    const i18n = bothLanguages();
    const texts = ['Kortere svartider', '', '{{text}} og $t(note.by)', 'æøå <b>fed</b> & "citat"'];
    for (const language of ['da', 'en']) {
      await i18n.changeLanguage(language);
      const label = fillIn((text) => i18n.t('note.label', { text }));
      const by = fillIn((name) => i18n.t('note.by', { name }));
      const draft = fillIn((text) => i18n.t('privateWriting.draftLabel', { text }));
      for (const text of texts) {
        expect(label(text)).toBe(i18n.t('note.label', { text }));
        expect(by(text)).toBe(i18n.t('note.by', { name: text }));
        expect(draft(text)).toBe(i18n.t('privateWriting.draftLabel', { text }));
      }
    }
    await i18n.changeLanguage('da');
    expect(fillIn((text) => i18n.t('note.label', { text }))('Idé')).toBe('Post-it: Idé');
  });

  it('asks the translation each time when it does not hold the value exactly once', () => {
    const twice = fillIn((text) => `${text} – ${text}`);
    expect(twice('a')).toBe('a – a');
    const none = fillIn(() => 'Tom post-it');
    expect(none('a')).toBe('Tom post-it');
  });
});
