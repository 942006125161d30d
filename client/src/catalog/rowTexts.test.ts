import { describe, expect, it } from 'vitest';
import { bothLanguages } from '../i18n/bothLanguages';
import { rowTexts } from './rowTexts';

// Titles a person could type, with what String.replace or i18next could take for markup of their own.
const TITLES = ['Én indgang', 'Pris: $& og $1', '{{title}} i klammer', '', 'Ny “idé” – 2026'];

describe('the catalog rows’ words', () => {
  for (const language of ['da', 'en']) {
    it(`say in ${language} exactly what i18next says for each row`, async () => {
      const i18n = bothLanguages();
      await i18n.changeLanguage(language);
      const t = i18n.t;
      const texts = rowTexts(t);
      for (const title of TITLES) {
        expect(texts.dragHandle(title)).toBe(t('catalog.dragHandle', { title }));
        expect(texts.moveUp(title)).toBe(t('catalog.moveUp', { title }));
        expect(texts.moveDown(title)).toBe(t('catalog.moveDown', { title }));
        expect(texts.proposers(title)).toBe(t('catalog.proposers', { names: title }));
        expect(texts.similarHint(title)).toBe(t('catalog.similarHint', { titles: title }));
      }
      for (const count of [0, 1, 2, 21]) {
        expect(texts.sourceCount(count)).toBe(t('catalog.sourceCount', { count }));
        expect(texts.deletedSources(count)).toBe(t('catalog.deletedSources', { count }));
        expect(texts.similar(count)).toBe(t('catalog.similar', { count }));
      }
      expect(texts.sourceCount(1)).not.toBe(texts.sourceCount(2));
      expect(texts.decision('council')).toBe(t('catalog.decisions.council'));
      expect(texts.untitled).toBe(t('catalog.untitled'));
      expect(texts.noProposers).toBe(t('catalog.noProposers'));
    });
  }
});
