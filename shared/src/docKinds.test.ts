import { describe, expect, it } from 'vitest';
import { assessmentsDocId } from './assessment.js';
import { catalogDocId } from './catalog.js';
import { ideaDocId, ideaOfDoc } from './catalogCommands.js';
import { controlDocId, draftDocId } from './control.js';
import { isMadeOnDemand } from './docKinds.js';
import { publishedDocId } from './published.js';
import { questionsDocId } from './questions.js';
import { reflectionDocId } from './reflection.js';

describe('documents made on demand', () => {
  it('covers every server-side and private doc kind, but never a board', () => {
    for (const id of [
      controlDocId('B1'),
      draftDocId('B1', 'P1'),
      reflectionDocId('W1', 'P1'),
      questionsDocId('W1'),
      catalogDocId('W1'),
      ideaDocId('W1', 'I1'),
      assessmentsDocId('W1'),
      publishedDocId('W1'),
    ]) {
      expect(isMadeOnDemand(id), id).toBe(true);
    }
    expect(isMadeOnDemand('AbCdEfGhIjKlMn')).toBe(false);
  });

  it('reads the workshop and idea back from an idea description doc id', () => {
    expect(ideaOfDoc(ideaDocId('W1abc', 'I2xyz'))).toEqual({ workshopId: 'W1abc', ideaId: 'I2xyz' });
    expect(ideaOfDoc('W1-catalog')).toBeNull();
    expect(ideaOfDoc('-idea-I1')).toBeNull();
  });
});
