import { describe, expect, it } from 'vitest';
import {
  assessmentsDocId,
  catalogDocId,
  controlDocId,
  type DocAddress,
  docIdOf,
  draftDocId,
  ideaDocId,
  isMadeOnDemand,
  parseDocId,
  publishedDocId,
  questionsDocId,
  reflectionDocId,
} from './docIds.js';

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
    expect(parseDocId(ideaDocId('W1abc', 'I2xyz'))).toEqual({ kind: 'idea', workshopId: 'W1abc', ideaId: 'I2xyz' });
    expect(parseDocId('W1-catalog').kind).not.toBe('idea');
    expect(parseDocId('-idea-I1').kind).not.toBe('idea');
  });
});

describe('document addresses', () => {
  const every: DocAddress[] = [
    { kind: 'board', boardId: 'AbCdEfGhIjKlMn' },
    { kind: 'control', boardId: 'AbCdEfGhIjKlMn' },
    { kind: 'draft', boardId: 'AbCdEfGhIjKlMn', ownerId: 'p_Person-1' },
    { kind: 'reflection', workshopId: 'W_orkshop-1', personId: 'p_Person-1' },
    { kind: 'questions', workshopId: 'W_orkshop-1' },
    { kind: 'catalog', workshopId: 'W_orkshop-1' },
    { kind: 'idea', workshopId: 'W_orkshop-1', ideaId: 'I_dea1' },
    { kind: 'assessments', workshopId: 'W_orkshop-1' },
    { kind: 'published', workshopId: 'W_orkshop-1' },
  ];

  it('reads every kind of address back from the id it builds', () => {
    for (const address of every) expect(parseDocId(docIdOf(address)), docIdOf(address)).toEqual(address);
  });

  it('gives every kind its own id for the same workshop or board', () => {
    const ids = every.map(docIdOf);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads an id that looks like two kinds as the private one: a draft or reflection, never a control doc', () => {
    expect(parseDocId('Board1234-draft-P1-ctl')).toEqual({ kind: 'draft', boardId: 'Board1234', ownerId: 'P1-ctl' });
    expect(parseDocId('W1-reflection-P1-catalog')).toEqual({
      kind: 'reflection',
      workshopId: 'W1',
      personId: 'P1-catalog',
    });
  });

  it('never reads an address with an empty part: such an id is a (non-existent) board', () => {
    for (const id of [
      '-ctl',
      '-catalog',
      '-assess',
      '-published',
      '-questions',
      '-draft-P1',
      'B1-draft-',
      '-idea-I1',
    ]) {
      expect(parseDocId(id), id).toEqual({ kind: 'board', boardId: id });
    }
  });

  it('does not read an idea whose id has a dash, so a control doc of such an id stays a control doc', () => {
    expect(parseDocId('W1-idea-I1-ctl')).toEqual({ kind: 'control', boardId: 'W1-idea-I1' });
  });
});
