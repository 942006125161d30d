import { describe, expect, it } from 'vitest';
import { markdownBlocks, markdownPlainText } from './markdownBlocks.js';

describe('markdownBlocks', () => {
  it('reads paragraphs with bold and italic runs', () => {
    expect(markdownBlocks('Vi starter **i januar** med *to* afdelinger.')).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Vi starter ' },
          { text: 'i januar', bold: true },
          { text: ' med ' },
          { text: 'to', italic: true },
          { text: ' afdelinger.' },
        ],
      },
    ]);
  });

  it('reads bullet and numbered lists, nested ones under their item', () => {
    const blocks = markdownBlocks('- Byggesag\n  - Miljø\n- Erhverv\n\n1. først\n2. så');
    expect(blocks).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          {
            runs: [{ text: 'Byggesag' }],
            children: [{ kind: 'list', ordered: false, items: [{ runs: [{ text: 'Miljø' }], children: [] }] }],
          },
          { runs: [{ text: 'Erhverv' }], children: [] },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [
          { runs: [{ text: 'først' }], children: [] },
          { runs: [{ text: 'så' }], children: [] },
        ],
      },
    ]);
  });

  it('keeps what a leader typed as text, never as markup', () => {
    const [block] = markdownBlocks('Svar < 24 timer & <b>hurtigt</b> "altid"');
    expect(block?.kind).toBe('paragraph');
    const text = block && block.kind === 'paragraph' ? block.runs.map((r) => r.text).join('') : '';
    expect(text).toBe('Svar < 24 timer & <b>hurtigt</b> "altid"');
  });

  it('reads headings, quotes and links', () => {
    expect(markdownBlocks('## Mål\n\n> Citat\n\n[Samle](https://example.org)')).toEqual([
      { kind: 'heading', level: 2, runs: [{ text: 'Mål' }] },
      { kind: 'quote', runs: [{ text: 'Citat' }] },
      { kind: 'paragraph', runs: [{ text: 'Samle', href: 'https://example.org' }] },
    ]);
  });

  it('gives nothing for empty text and plain lines for plain text', () => {
    expect(markdownBlocks('  \n')).toEqual([]);
    expect(markdownPlainText('**Hurtigt** svar\n\n- a\n- b')).toBe('Hurtigt svar\n- a\n- b');
  });
});
