import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempTrees } from '../support/tempTree.mjs';
import { lazyClassClashes } from './lazyClasses.mjs';

const clientSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'src');
const tree = useTempTrees('lazy-css');

describe('stylesheets that arrive with a page chunk', () => {
  it('finds a bare class a page stylesheet shares with one every page loads, and passes it once scoped', () => {
    const files = {
      'main.tsx': "import './styles/controls.css';\n",
      'styles/controls.css': '.segmented { padding: 2px; }\n',
      'leaders/LeadersPage.tsx': "import './presentation.css';\n",
      'leaders/presentation.css': '.segmented, .screen { padding: 8px; }\n',
    };
    expect(lazyClassClashes(tree(files))).toEqual([
      { lazy: 'leaders/presentation.css', other: 'styles/controls.css', className: 'segmented' },
    ]);
    const scoped = { ...files, 'leaders/presentation.css': '.screen .segmented { padding: 8px; }\n' };
    expect(lazyClassClashes(tree(scoped))).toEqual([]);
  });

  it('none in Samle: a page opened once does not restyle the others', () => {
    expect(lazyClassClashes(clientSrc)).toEqual([]);
  });
});
