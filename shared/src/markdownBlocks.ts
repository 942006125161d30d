import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Leaders' rationales and idea descriptions travel as Markdown (the client's
 * Lexical editors write it). Exports and read-only views render it from this
 * small block model instead of HTML, so nothing a leader types can inject markup
 * into a page or a DOCX, and every renderer handles the same subset: paragraphs,
 * headings, quotes, bullet and numbered lists, bold, italic, strike, code, links.
 */

export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string;
}

export type MarkdownBlock =
  | { kind: 'paragraph'; runs: InlineRun[] }
  | { kind: 'heading'; level: number; runs: InlineRun[] }
  | { kind: 'quote'; runs: InlineRun[] }
  | { kind: 'list'; ordered: boolean; items: ListEntry[] };

export interface ListEntry {
  runs: InlineRun[];
  /** A nested list under this item, if any. */
  children: MarkdownBlock[];
}

type Style = Omit<InlineRun, 'text'>;

/** The characters marked's lexer leaves HTML-escaped in text tokens. */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function inline(tokens: readonly Token[] | undefined, style: Style, out: InlineRun[]): InlineRun[] {
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        inline((token as Tokens.Strong).tokens, { ...style, bold: true }, out);
        break;
      case 'em':
        inline((token as Tokens.Em).tokens, { ...style, italic: true }, out);
        break;
      case 'del':
        inline((token as Tokens.Del).tokens, { ...style, strike: true }, out);
        break;
      case 'codespan':
        out.push({ ...style, code: true, text: decodeEntities((token as Tokens.Codespan).text) });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        inline(link.tokens, { ...style, href: link.href }, out);
        break;
      }
      case 'br':
        out.push({ ...style, text: '\n' });
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) inline(text.tokens, style, out);
        else out.push({ ...style, text: decodeEntities(text.text) });
        break;
      }
      case 'escape':
        out.push({ ...style, text: decodeEntities((token as Tokens.Escape).text) });
        break;
      default:
        // Images, raw HTML and anything else show as the text that was typed.
        if ('raw' in token && typeof token.raw === 'string') out.push({ ...style, text: token.raw });
    }
  }
  return out;
}

function blocks(tokens: readonly Token[]): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'paragraph':
        out.push({ kind: 'paragraph', runs: inline((token as Tokens.Paragraph).tokens, {}, []) });
        break;
      case 'text': {
        // Loose text at block level (inside tight list items).
        const text = token as Tokens.Text;
        out.push({ kind: 'paragraph', runs: inline(text.tokens ?? [token], {}, []) });
        break;
      }
      case 'heading': {
        const heading = token as Tokens.Heading;
        out.push({ kind: 'heading', level: heading.depth, runs: inline(heading.tokens, {}, []) });
        break;
      }
      case 'blockquote': {
        const quote = token as Tokens.Blockquote;
        const runs = blocks(quote.tokens).flatMap((block, index) => {
          const inner = block.kind === 'list' ? block.items.flatMap((item) => item.runs) : block.runs;
          return index === 0 ? inner : [{ text: '\n' }, ...inner];
        });
        out.push({ kind: 'quote', runs });
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        out.push({
          kind: 'list',
          ordered: list.ordered,
          items: list.items.map((item) => {
            const inner = blocks(item.tokens);
            const runs: InlineRun[] = [];
            const children: MarkdownBlock[] = [];
            for (const block of inner) {
              if (block.kind === 'list') children.push(block);
              else runs.push(...(runs.length > 0 ? [{ text: '\n' }] : []), ...block.runs);
            }
            return { runs, children };
          }),
        });
        break;
      }
      case 'code':
        out.push({ kind: 'paragraph', runs: [{ text: (token as Tokens.Code).text, code: true }] });
        break;
      case 'space':
      case 'hr':
      case 'def':
        break;
      default:
        if ('raw' in token && typeof token.raw === 'string' && token.raw.trim())
          out.push({ kind: 'paragraph', runs: [{ text: token.raw.trim() }] });
    }
  }
  return out;
}

/** Markdown as blocks of styled runs (see the module comment for the subset). */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  if (!markdown.trim()) return [];
  return blocks(new Lexer({ gfm: true }).lex(markdown));
}

/** Markdown as plain text: blocks on their own lines, list items with a dash. */
export function markdownPlainText(markdown: string): string {
  const lines: string[] = [];
  const text = (runs: InlineRun[]) => runs.map((r) => r.text).join('');
  const walk = (items: MarkdownBlock[], depth: number) => {
    for (const block of items) {
      if (block.kind !== 'list') {
        lines.push(text(block.runs));
        continue;
      }
      block.items.forEach((item, index) => {
        const mark = block.ordered ? `${index + 1}.` : '-';
        lines.push(`${'  '.repeat(depth)}${mark} ${text(item.runs)}`);
        walk(item.children, depth + 1);
      });
    }
  };
  walk(markdownBlocks(markdown), 0);
  return lines.join('\n');
}
