import { describe, expect, it } from 'vitest';
import { useTempTrees } from '../support/tempTree.mjs';
import { MAX_LINES, oversizedFiles } from './check.mjs';

const folder = useTempTrees('sizes');

/** A fresh folder holding `files` (path -> number of lines). */
function tree(files) {
  return folder(Object.fromEntries(Object.entries(files).map(([file, lines]) => [file, 'x;\n'.repeat(lines)])));
}

describe('the file size check', () => {
  it('passes files of up to 500 lines', () => {
    const root = tree({ 'client/src/board/Board.tsx': MAX_LINES, 'client/src/styles/board.css': 12 });
    expect(oversizedFiles({ root })).toEqual([]);
  });

  it('names each source or CSS file over 500 lines, longest first', () => {
    const root = tree({
      'server/src/sync/Relay.ts': MAX_LINES + 1,
      'client/src/styles/catalog.css': 779,
      'client/src/board/Board.tsx': 20,
    });
    expect(oversizedFiles({ root })).toEqual([
      { file: 'client/src/styles/catalog.css', lines: 779 },
      { file: 'server/src/sync/Relay.ts', lines: MAX_LINES + 1 },
    ]);
  });

  it('leaves out built and installed files', () => {
    const root = tree({ 'client/dist/assets/index.js': 5000, 'server/node_modules/pg/lib/client.js': 900 });
    expect(oversizedFiles({ root })).toEqual([]);
  });
});

describe('this repository', () => {
  it('has no source or CSS file over 500 lines', () => {
    expect(oversizedFiles()).toEqual([]);
  });
});
