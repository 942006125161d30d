// Since pages load as chunks of their own, a stylesheet imported by a page's module (not by main.tsx) arrives
// when that page is first opened and is appended after everything main.tsx loaded. A plain `.name` rule in it
// that another stylesheet also defines would then restyle that class on every page for the rest of the visit.
// This finds such rules: a lazily loaded stylesheet may only scope a shared class under its own.
import fs from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';

const CSS_IMPORT = /import\s+'([^']+\.css)'/g;

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(tsx?|css)$/.test(entry.name) ? [full] : [];
  });
}

/** Top-level rules whose selector is one bare class (`.name`, also within a list), by class name. */
function bareClasses(file) {
  const names = new Set();
  postcss.parse(fs.readFileSync(file, 'utf8'), { from: file }).each((node) => {
    if (node.type !== 'rule') return;
    for (const selector of node.selectors) {
      const match = /^\.([\w-]+)$/.exec(selector.trim());
      if (match?.[1]) names.add(match[1]);
    }
  });
  return names;
}

/** Each bare class that a lazily loaded stylesheet shares with another stylesheet: `{ lazy, other, className }`. */
export function lazyClassClashes(clientSrc) {
  const files = sourceFiles(clientSrc);
  const main = path.join(clientSrc, 'main.tsx');
  const lazy = new Set();
  for (const file of files.filter((f) => /\.tsx?$/.test(f) && f !== main && !f.endsWith('.test.ts'))) {
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(CSS_IMPORT)) {
      if (spec) lazy.add(path.resolve(path.dirname(file), spec));
    }
  }
  const css = files.filter((f) => f.endsWith('.css'));
  const classes = new Map(css.map((file) => [file, bareClasses(file)]));
  const clashes = [];
  for (const lazyFile of lazy) {
    for (const className of classes.get(lazyFile) ?? []) {
      for (const other of css) {
        if (other !== lazyFile && classes.get(other)?.has(className)) {
          clashes.push({ lazy: path.relative(clientSrc, lazyFile), other: path.relative(clientSrc, other), className });
        }
      }
    }
  }
  return clashes;
}
