// Keeps every source and CSS file readable in one sitting: none over MAX_LINES
// (CONTRIBUTING.md, "A file does one thing"). `node scripts/size/check.mjs` lists the
// files over it; the `structure` test project runs the same check in `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The hard limit; aim for 400. */
export const MAX_LINES = 500;

/** Where the product's code, its tests and tools live. */
const ROOTS = ['client', 'server', 'shared', 'e2e', 'bench', 'scripts'];
const EXTENSIONS = new Set(['.ts', '.tsx', '.mjs', '.js', '.css']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'dist-types', 'coverage', 'public']);

/**
 * Files over the limit, longest first.
 * @param {{ root?: string, limit?: number }} [options]
 * @returns {{ file: string, lines: number }[]} repository-relative paths with their line counts
 */
export function oversizedFiles({ root = REPO_ROOT, limit = MAX_LINES } = {}) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (EXTENSIONS.has(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        const lines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        if (lines > limit) found.push({ file: path.relative(root, full).split(path.sep).join('/'), lines });
      }
    }
  };
  for (const dir of ROOTS) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return found.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const found = oversizedFiles();
  for (const { file, lines } of found) {
    process.stdout.write(`${file}: ${lines} lines, over ${MAX_LINES} — split it along what it does\n`);
  }
  process.stdout.write(
    found.length === 0 ? `sizes: no file over ${MAX_LINES} lines\n` : `sizes: ${found.length} file(s) too long\n`,
  );
  process.exit(found.length === 0 ? 0 : 1);
}
