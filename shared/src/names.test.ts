import { describe, expect, it } from 'vitest';
import { nameProblem } from './names.js';

describe('nameProblem', () => {
  it('accepts ordinary names in any script, with emoji and inner spaces', () => {
    for (const name of ['Ada Lovelace', 'Søren Ærø', 'محمد', '李雷', 'Bo 👩‍👩‍👧', 'Team — økonomi']) {
      expect(nameProblem(name), name).toBeNull();
    }
  });

  it('refuses control characters such as line breaks, tabs and escapes', () => {
    for (const name of ['Ada\nAdmin', 'Ada\tB', 'A\u001b[31m', 'A\u0085']) expect(nameProblem(name)).toBe('control');
  });

  it('refuses bidi overrides, embeddings, isolates and marks', () => {
    for (const name of ['Ada\u202enimda', 'x\u202ay', '\u2067Bo\u2069', 'Cai\u200f']) {
      expect(nameProblem(name), JSON.stringify(name)).toBe('bidi');
    }
  });

  it('refuses names made only of invisible characters', () => {
    for (const name of ['\u200b', ' \u200b\u2060 ', '\u3164', '\u2800\u2800', '\ufeff', '\u00ad']) {
      expect(nameProblem(name), JSON.stringify(name)).toBe('invisible');
    }
  });
});
