import { describe, expect, it } from 'vitest';
import { useTempTrees } from '../support/tempTree.mjs';
import { colourLiterals, rawColours, TOKENS_FILE } from './check.mjs';

/** A fresh folder holding `files` (path -> text). */
const tree = useTempTrees('colours');

const TOKENS = ':root {\n  --brand: #124e4a;\n  --backdrop: rgb(20 28 38 / 0.42);\n}\n';

describe('the colour token check', () => {
  it('passes colours that are tokens, and literals in the tokens file', () => {
    const root = tree({
      [TOKENS_FILE]: TOKENS,
      'client/src/board/board.css':
        '#root .note { color: var(--brand); box-shadow: 0 0 0 2px color-mix(in srgb, var(--brand) 22%, transparent); }\n',
    });
    expect(rawColours({ root })).toEqual([]);
  });

  it('names each hex, colour function and named colour in a feature stylesheet, with its line', () => {
    const root = tree({
      [TOKENS_FILE]: TOKENS,
      'client/src/board/board.css':
        '.note {\n  color: #fff;\n}\n.dialog::backdrop {\n  background: rgb(20 28 38 / 0.42);\n}\n',
      'client/src/styles/primitives.css': '.card {\n  border: 1px solid white;\n}\n',
    });
    expect(rawColours({ root })).toEqual([
      { file: 'client/src/board/board.css', line: 2, property: 'color', literal: '#fff' },
      { file: 'client/src/board/board.css', line: 5, property: 'background', literal: 'rgb(…)' },
      { file: 'client/src/styles/primitives.css', line: 2, property: 'border', literal: 'white' },
    ]);
  });

  it('finds a literal hidden as a var() fallback', () => {
    expect(colourLiterals('var(--warning-soft, #fff6dc)')).toEqual(['#fff6dc']);
  });

  it('does not take selectors, urls, strings or token names for colours', () => {
    const root = tree({
      'client/src/join/join.css':
        '#bad, .red { background: url("#fff.svg"); content: "white"; color: var(--red); font: 15px Arial; }\n',
    });
    expect(rawColours({ root })).toEqual([]);
  });
});

describe('this repository', () => {
  it('has no raw colour outside the tokens file', () => {
    expect(rawColours()).toEqual([]);
  });
});
