import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImports, describe as describeProblems } from './check.mjs';

/** A small repository that keeps every rule; each test adds one wrong import. */
const CLEAN_TREE = {
  'shared/src/index.ts': 'export const wordmark = "Samle";\n',
  'client/src/ui/Button.tsx': "import { wordmark } from '@samle/shared';\nexport const Button = wordmark;\n",
  'client/src/board/Board.tsx': "import { Button } from '../ui/Button';\nexport const Board = Button;\n",
  'client/src/catalog/Catalog.tsx': "import { wordmark } from '@samle/shared';\nexport const Catalog = wordmark;\n",
  'server/src/storage/contracts/types.ts':
    "import type { wordmark } from '@samle/shared';\nexport interface DocStore { name: typeof wordmark }\n",
  'server/src/storage/sqlite/SqliteStorage.ts':
    "import type { DocStore } from '../contracts/types.js';\nexport const sqlite: DocStore = { name: 'Samle' };\n",
  'server/src/sync/Relay.ts':
    "import type { DocStore } from '../storage/contracts/types.js';\nexport type Relay = DocStore;\n",
  'server/src/routes/health.ts': "import type { Relay } from '../sync/Relay.js';\nexport type Health = Relay;\n",
  'server/src/cli/command.ts': 'export class CliFailure extends Error {}\n',
  'server/src/privacy/purge.ts':
    "import type { DocStore } from '../storage/contracts/types.js';\nexport type Purge = DocStore;\n",
  'server/src/cli/privacy.ts': "import type { Purge } from '../privacy/purge.js';\nexport type PurgeCommand = Purge;\n",
};

const made = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the clean tree with `changes` on top (a file's whole new text) into a fresh folder. */
function tree(changes = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samle-imports-'));
  made.push(root);
  for (const [file, text] of Object.entries({ ...CLEAN_TREE, ...changes })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Prepends one import line to a file of the clean tree. */
const withImport = (file, line) => ({ [file]: `${line}\n${CLEAN_TREE[file]}` });

describe('the import rule check', () => {
  it('passes a tree that keeps the rules', async () => {
    const result = await checkImports({ root: tree(), allowed: [] });
    expect(result.files).toBe(Object.keys(CLEAN_TREE).length);
    expect(describeProblems(result)).toEqual([]);
  });

  it('fails when ui/ imports a feature folder, naming the file, the import and the rule', async () => {
    const root = tree(withImport('client/src/ui/Button.tsx', "import '../catalog/Catalog';"));
    const result = await checkImports({ root, allowed: [] });
    expect(result.violations).toEqual([
      {
        rule: 'client-infrastructure-imports-no-feature',
        from: 'client/src/ui/Button.tsx',
        to: 'client/src/catalog/Catalog.tsx',
        loop: undefined,
      },
    ]);
    expect(describeProblems(result)[0]).toMatch(
      /^client\/src\/ui\/Button\.tsx imports client\/src\/catalog\/Catalog\.tsx/,
    );
  });

  it('fails when the relay imports a route', async () => {
    const root = tree(withImport('server/src/sync/Relay.ts', "import type { Health } from '../routes/health.js';"));
    const { violations } = await checkImports({ root, allowed: [] });
    expect(violations.map((v) => [v.rule, v.from, v.to])).toContainEqual([
      'relay-imports-no-route-or-feature',
      'server/src/sync/Relay.ts',
      'server/src/routes/health.ts',
    ]);
  });

  it('fails when the privacy logic imports the CLI or a route, while the CLI may call into it', async () => {
    const root = tree({
      ...withImport('server/src/privacy/purge.ts', "import { CliFailure } from '../cli/command.js';"),
      'server/src/routes/privacy.ts':
        "import type { Purge } from '../privacy/purge.js';\nexport type Routes = Purge;\n",
    });
    const wrong = tree(withImport('server/src/privacy/purge.ts', "import type { Health } from '../routes/health.js';"));
    const { violations } = await checkImports({ root, allowed: [] });
    expect(violations.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['privacy-imports-no-cli-or-route', 'server/src/privacy/purge.ts', 'server/src/cli/command.ts'],
    ]);
    const routes = await checkImports({ root: wrong, allowed: [] });
    expect(routes.violations.map((v) => [v.rule, v.from, v.to])).toContainEqual([
      'privacy-imports-no-cli-or-route',
      'server/src/privacy/purge.ts',
      'server/src/routes/health.ts',
    ]);
  });

  it('fails when a storage contract imports a storage engine', async () => {
    const root = tree(
      withImport('server/src/storage/contracts/types.ts', "import { sqlite } from '../sqlite/SqliteStorage.js';"),
    );
    const { violations } = await checkImports({ root, allowed: [] });
    expect(violations.map((v) => [v.rule, v.from, v.to])).toContainEqual([
      'storage-contracts-import-only-shared',
      'server/src/storage/contracts/types.ts',
      'server/src/storage/sqlite/SqliteStorage.ts',
    ]);
  });

  it('fails when the client imports the server', async () => {
    const root = tree(
      withImport('client/src/board/Board.tsx', "import type { Relay } from '../../../server/src/sync/Relay.js';"),
    );
    const { violations } = await checkImports({ root, allowed: [] });
    expect(violations.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['client-and-server-apart', 'client/src/board/Board.tsx', 'server/src/sync/Relay.ts'],
    ]);
  });

  it('fails on an import loop unless it is listed, and reports a listed loop that is gone', async () => {
    const loop = tree(withImport('client/src/ui/Button.tsx', "import type { Board } from '../board/Board';"));
    const listed = [
      { rule: 'no-import-loops', from: 'client/src/board/Board.tsx', to: 'client/src/ui/Button.tsx' },
      {
        rule: 'client-infrastructure-imports-no-feature',
        from: 'client/src/ui/Button.tsx',
        to: 'client/src/board/Board.tsx',
      },
    ];
    const unlisted = await checkImports({ root: loop, allowed: [] });
    expect(unlisted.violations.map((v) => v.rule).sort()).toEqual([
      'client-infrastructure-imports-no-feature',
      'no-import-loops',
    ]);
    expect(await checkImports({ root: loop, allowed: listed })).toMatchObject({ violations: [], stale: [] });

    const mended = await checkImports({ root: tree(), allowed: listed });
    expect(mended.violations).toEqual([]);
    expect(mended.stale).toEqual(listed);
  });
});

describe('this repository', () => {
  it('keeps its import rules: no violation beyond the listed ones, and every listed one still there', async () => {
    expect(describeProblems(await checkImports())).toEqual([]);
  }, 120_000);
});
