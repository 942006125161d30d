// Checks the import rules (rules.mjs) over client/src, server/src and shared/src.
// `node scripts/imports/check.mjs` prints what breaks them; the `structure` test
// project runs the same check in `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import { knownViolations, rules } from './rules.mjs';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_ROOTS = ['client/src', 'server/src', 'shared/src'];

/**
 * @typedef {{ rule: string, from: string, to: string, loop?: string[] }} Violation
 * @typedef {{ violations: Violation[], stale: Violation[], files: number }} CheckResult
 */

/**
 * Finds the imports that break a rule, leaving out the known ones.
 * @param {{ root?: string, allowed?: Violation[] }} [options]
 * @returns {Promise<CheckResult>} `violations`: imports that break a rule and are not
 *   allowed; `stale`: allowed violations that no longer occur (the list must shrink
 *   with them); `files`: how many source files were read.
 */
export async function checkImports({ root = REPO_ROOT, allowed = knownViolations } = {}) {
  const roots = SOURCE_ROOTS.filter((dir) => fs.existsSync(path.join(root, dir)));
  const { output } = await cruise(
    roots,
    {
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: rules },
      // Type-only imports count: a loop through types is still a loop for a reader.
      tsPreCompilationDeps: true,
      // Tests may import across rooms to set things up; the rules are about the product's code.
      exclude: { path: '\\.test\\.tsx?$|/dist/|node_modules' },
      doNotFollow: { path: 'node_modules' },
    },
    {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      // The packages import shared by name; read it from source, so the check needs no build.
      alias: { '@samle/shared$': path.join(root, 'shared/src/index.ts') },
    },
  );
  if (typeof output === 'string') throw new Error('checkImports: dependency-cruiser returned a report, not a result');
  const found = output.summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to,
    loop: v.cycle ? [v.from, ...v.cycle.map((step) => step.name)] : undefined,
  }));
  const allowedKeys = new Set(allowed.map(key));
  const foundKeys = new Set(found.map(key));
  return {
    violations: found.filter((v) => !allowedKeys.has(key(v))),
    stale: allowed.filter((v) => !foundKeys.has(key(v))),
    files: output.summary.totalCruised,
  };
}

/**
 * What identifies a violation: the rule and the import, or for a loop the files it runs
 * through, since which of its imports is reported depends on where the reading started.
 */
function key(/** @type {Violation} */ v) {
  const files = v.loop ?? (v.rule === 'no-import-loops' ? [v.from, v.to] : undefined);
  return files ? `${v.rule} ${[...new Set(files)].sort().join(' ')}` : `${v.rule} ${v.from} -> ${v.to}`;
}

/** One line per problem, with the rule's reason, for a person to act on. */
export function describe(/** @type {CheckResult} */ result) {
  const why = new Map(rules.map((rule) => [rule.name, rule.comment]));
  return [
    ...result.violations.map((v) => `${v.from} imports ${v.to}: breaks ${v.rule} — ${why.get(v.rule)}`),
    ...result.stale.map(
      (v) =>
        `${v.from} no longer imports ${v.to} (${v.rule}): remove it from knownViolations in scripts/imports/rules.mjs`,
    ),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const result = await checkImports();
  const problems = describe(result);
  for (const line of problems) process.stdout.write(`${line}\n`);
  process.stdout.write(
    problems.length === 0
      ? `imports: ${result.files} files keep the rules\n`
      : `imports: ${problems.length} problem(s) in ${result.files} files\n`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}
