import type { Decision } from '@samle/shared';
import type { TFunction } from 'i18next';

/**
 * The words of the catalog's rows, for all 300 of them: each label is translated once for the list, not once per
 * row (i18next took about a third of the page's work to show the list). A label with a title in it is translated
 * with a stand-in, and each row puts its title where the stand-in stands; counts differ in their plural form, so
 * each count is translated once and remembered.
 */
export interface RowTexts {
  untitled: string;
  /** The drag handle's tooltip. */
  hint: string;
  dragHandle(title: string): string;
  moveUp(title: string): string;
  moveDown(title: string): string;
  sourceCount(count: number): string;
  proposers(names: string): string;
  noProposers: string;
  decision(decision: Decision): string;
  deletedSources(count: number): string;
  similar(count: number): string;
  similarHint(titles: string): string;
}

/** Not in any text or title a person can type (a control character). */
const STAND_IN = '\u0000';

/** `translate(value)` for any value, from one translation with a stand-in. */
function template(translate: (value: string) => string): (value: string) => string {
  const parts = translate(STAND_IN).split(STAND_IN);
  const [before, after] = parts;
  // A translation that does not show its value exactly once: translate every value after all.
  if (parts.length !== 2 || before === undefined || after === undefined) return translate;
  return (value) => before + value + after;
}

function remembered<K>(translate: (key: K) => string): (key: K) => string {
  const known = new Map<K, string>();
  return (key) => {
    let text = known.get(key);
    if (text === undefined) {
      text = translate(key);
      known.set(key, text);
    }
    return text;
  };
}

export function rowTexts(t: TFunction): RowTexts {
  return {
    untitled: t('catalog.untitled'),
    hint: t('catalog.reorderHint'),
    dragHandle: template((title) => t('catalog.dragHandle', { title })),
    moveUp: template((title) => t('catalog.moveUp', { title })),
    moveDown: template((title) => t('catalog.moveDown', { title })),
    sourceCount: remembered((count) => t('catalog.sourceCount', { count })),
    proposers: template((names) => t('catalog.proposers', { names })),
    noProposers: t('catalog.noProposers'),
    decision: remembered((decision) => t(`catalog.decisions.${decision}`)),
    deletedSources: remembered((count) => t('catalog.deletedSources', { count })),
    similar: remembered((count) => t('catalog.similar', { count })),
    similarHint: template((titles) => t('catalog.similarHint', { titles })),
  };
}
