// Keeps colours in one place: every colour in the client's CSS is a design token
// (a custom property of client/src/styles/tokens.css), never a literal in a
// feature stylesheet. `node scripts/styles/check.mjs` lists the literals; the
// `structure` test project runs the same check in `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import colorNames from 'color-name';
import postcss from 'postcss';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The one stylesheet allowed to hold colour literals. */
export const TOKENS_FILE = 'client/src/styles/tokens.css';

const CSS_ROOT = 'client/src';
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);

const HEX = /#[0-9a-fA-F]{3,8}\b/g;
const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi;
const NAMED = new RegExp(`(?<![\\w-])(?:${Object.keys(colorNames).join('|')})(?![\\w-])`, 'gi');

/** The colour literals in one declaration value; url(), strings and var() names are not colours. */
export function colourLiterals(value) {
  const bare = value
    .replace(/url\([^)]*\)/gi, 'url()')
    .replace(/"[^"]*"|'[^']*'/g, '""')
    .replace(/var\(\s*--[\w-]+/g, 'var(');
  return [
    ...(bare.match(HEX) ?? []),
    ...(bare.match(COLOUR_FUNCTION) ?? []).map((f) => `${f}…)`),
    ...(bare.match(NAMED) ?? []),
  ];
}

/**
 * Colour literals outside the tokens file, in file order.
 * @param {{ root?: string }} [options]
 * @returns {{ file: string, line: number, property: string, literal: string }[]}
 */
export function rawColours({ root = REPO_ROOT } = {}) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
        continue;
      }
      if (!entry.name.endsWith('.css')) continue;
      const file = path.relative(root, full).split(path.sep).join('/');
      if (file === TOKENS_FILE) continue;
      postcss.parse(fs.readFileSync(full, 'utf8'), { from: full }).walkDecls((decl) => {
        for (const literal of colourLiterals(decl.value)) {
          found.push({ file, line: decl.source?.start?.line ?? 0, property: decl.prop, literal });
        }
      });
    }
  };
  const start = path.join(root, CSS_ROOT);
  if (fs.existsSync(start)) walk(start);
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const found = rawColours();
  for (const { file, line, property, literal } of found) {
    process.stdout.write(`${file}:${line}: ${property}: ${literal} — use a token from ${TOKENS_FILE}\n`);
  }
  process.stdout.write(
    found.length === 0
      ? `colours: every colour outside ${TOKENS_FILE} is a token\n`
      : `colours: ${found.length} raw colour(s)\n`,
  );
  process.exit(found.length === 0 ? 0 : 1);
}
