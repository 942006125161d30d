import { QUESTION_TEXT_MAX } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { questionAbilities, questionTextProblem, textProblem } from './questionForm';

describe('question text', () => {
  it('asks for text when only spaces were written', () => {
    expect(questionTextProblem('   \n ')).toBe('required');
  });

  it('refuses more than the server accepts, counting without surrounding spaces', () => {
    expect(questionTextProblem('x'.repeat(QUESTION_TEXT_MAX + 1))).toBe('tooLong');
    expect(questionTextProblem(`  ${'x'.repeat(QUESTION_TEXT_MAX)}  `)).toBeNull();
  });

  it('accepts a short reason within its own limit', () => {
    expect(textProblem('Personangreb', 500)).toBeNull();
  });
});

describe('who may do what with questions', () => {
  it('lets participants post and support, but not answer or hide', () => {
    expect(questionAbilities('participant', 'p1')).toEqual({
      post: true,
      support: true,
      answer: false,
      hide: false,
      catalog: false,
    });
  });

  it('lets leaders post, support, answer and take posts into the catalog', () => {
    expect(questionAbilities('leader', 'l1')).toEqual({
      post: true,
      support: true,
      answer: true,
      hide: false,
      catalog: true,
    });
  });

  it('lets the facilitator answer and hide, but not post (they have no person in the workshop)', () => {
    expect(questionAbilities('facilitator', null)).toEqual({
      post: false,
      support: false,
      answer: true,
      hide: true,
      catalog: true,
    });
  });

  it('lets viewers only read', () => {
    expect(questionAbilities('viewer', 'v1')).toEqual({
      post: false,
      support: false,
      answer: false,
      hide: false,
      catalog: false,
    });
  });
});
