import * as Y from 'yjs';

/**
 * An idea's description is a Lexical document synced through @lexical/yjs
 * (`<workshop>-idea-<ideaId>`). Publishing and exports need it as Markdown
 * without running an editor, so this reads the binding's Yjs structure directly:
 *
 * - an element node (root, paragraph, heading, quote, list, listitem, link) is a
 *   `Y.XmlText` whose attributes hold its properties (`__type`, `__tag`,
 *   `__listType`, `__url` …) and whose content embeds its children in order;
 * - a text node is an embedded `Y.Map` (`__type: 'text'`, `__format` bits)
 *   followed by its characters; a line break is an embedded map of type `linebreak`.
 */

/** The name CollaborationPlugin gives the root by default. */
export const LEXICAL_ROOT = 'root';

// Lexical's text format bits (lexical/LexicalConstants).
const IS_BOLD = 1;
const IS_ITALIC = 1 << 1;
const IS_STRIKETHROUGH = 1 << 2;
const IS_CODE = 1 << 4;

interface Inline {
  text: string;
  format: number;
}

type DeltaOp = { insert?: unknown };

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1');
}

function styled({ text, format }: Inline): string {
  if (!text) return '';
  if (format & IS_CODE) return `\`${text.replace(/`/g, '')}\``;
  // Markdown emphasis may not start or end with a space: keep those outside the marks.
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const trail = /\s*$/.exec(text)?.[0] ?? '';
  const core = text.slice(lead.length, text.length - trail.length);
  if (!core) return text;
  let out = escapeMarkdown(core);
  if (format & IS_STRIKETHROUGH) out = `~~${out}~~`;
  if (format & IS_ITALIC) out = `*${out}*`;
  if (format & IS_BOLD) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

function typeOf(node: Y.XmlText | Y.Map<unknown>): string {
  const type = node instanceof Y.XmlText ? node.getAttribute('__type') : node.get('__type');
  return typeof type === 'string' ? type : '';
}

/** The inline content of an element (text, line breaks, links) as Markdown. */
function inlineMarkdown(element: Y.XmlText): string {
  let out = '';
  let format = 0;
  for (const op of element.toDelta() as DeltaOp[]) {
    const insert = op.insert;
    if (typeof insert === 'string') {
      out += styled({ text: insert, format });
    } else if (insert instanceof Y.Map) {
      const type = typeOf(insert);
      if (type === 'linebreak') out += '  \n';
      else if (type === 'tab') out += '\t';
      const bits = insert.get('__format');
      format = typeof bits === 'number' ? bits : 0;
    } else if (insert instanceof Y.XmlText) {
      const type = typeOf(insert);
      // A list nested in a list item is a block of its own (listMarkdown).
      if (type === 'list') continue;
      const inner = inlineMarkdown(insert);
      const url = insert.getAttribute('__url');
      out += (type === 'link' || type === 'autolink') && typeof url === 'string' ? `[${inner}](${url})` : inner;
    }
  }
  return out;
}

function children(element: Y.XmlText): Y.XmlText[] {
  return (element.toDelta() as DeltaOp[])
    .map((op) => op.insert)
    .filter((insert): insert is Y.XmlText => insert instanceof Y.XmlText);
}

function listMarkdown(list: Y.XmlText, depth: number): string[] {
  const ordered = list.getAttribute('__listType') === 'number';
  const startAttr = list.getAttribute('__start');
  let number = typeof startAttr === 'number' ? startAttr : 1;
  const lines: string[] = [];
  const indent = '  '.repeat(depth);
  for (const item of children(list)) {
    // A nested list is a list item that holds only a list.
    const nested = children(item).filter((child) => typeOf(child) === 'list');
    const text = inlineMarkdown(item).trim();
    if (text || nested.length === 0) {
      const checked =
        list.getAttribute('__listType') === 'check' ? (item.getAttribute('__checked') ? '[x] ' : '[ ] ') : '';
      lines.push(`${indent}${ordered ? `${number}.` : '-'} ${checked}${text}`);
      number++;
    }
    for (const child of nested) lines.push(...listMarkdown(child, depth + 1));
  }
  return lines;
}

function blockMarkdown(block: Y.XmlText): string {
  const type = typeOf(block);
  if (type === 'list') return listMarkdown(block, 0).join('\n');
  const text = inlineMarkdown(block).trim();
  if (!text) return '';
  if (type === 'heading') {
    const tag = block.getAttribute('__tag');
    const level = typeof tag === 'string' && /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : 2;
    return `${'#'.repeat(level)} ${text}`;
  }
  if (type === 'quote') return `> ${text}`;
  return text;
}

/** A Lexical doc's content as Markdown (blocks separated by blank lines); empty for an empty doc. */
export function lexicalDocMarkdown(doc: Y.Doc, rootName = LEXICAL_ROOT): string {
  const root = doc.get(rootName, Y.XmlText);
  return children(root)
    .map(blockMarkdown)
    .filter((block) => block.length > 0)
    .join('\n\n');
}

/**
 * Writes paragraphs into an empty Lexical doc the way @lexical/yjs does, so an
 * editor that opens it shows them (the demo workshop's idea descriptions).
 */
export function writeLexicalParagraphs(doc: Y.Doc, paragraphs: readonly string[], rootName = LEXICAL_ROOT): void {
  const root = doc.get(rootName, Y.XmlText);
  doc.transact(() => {
    root.setAttribute('__type', 'root');
    paragraphs.forEach((text, index) => {
      const paragraph = new Y.XmlText();
      root.insertEmbed(index, paragraph);
      for (const [key, value] of Object.entries({
        __type: 'paragraph',
        __format: 0,
        __indent: 0,
        __dir: 'ltr',
        __textFormat: 0,
        __textStyle: '',
      })) {
        paragraph.setAttribute(key, value as never);
      }
      const node = new Y.Map<unknown>();
      paragraph.insertEmbed(0, node);
      for (const [key, value] of Object.entries({ __type: 'text', __format: 0, __style: '', __mode: 0, __detail: 0 })) {
        node.set(key, value);
      }
      paragraph.insert(1, text);
    });
  });
}
