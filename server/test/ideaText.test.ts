import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { createBinding, type Provider, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from '@lexical/yjs';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lexicalDocMarkdown, writeLexicalParagraphs } from '../src/catalog/ideaText.js';

/** A provider that goes nowhere: the binding only needs its shape. */
function quietProvider(): Provider {
  const awareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => {},
    on: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  };
  return { awareness, connect: () => {}, disconnect: () => {}, on: () => {}, off: () => {} } as Provider;
}

/** A headless Lexical editor bound to `doc` both ways, as CollaborationPlugin binds the client's. */
function boundEditor(doc: Y.Doc): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode],
    onError: (error) => {
      throw error;
    },
  });
  const provider = quietProvider();
  const binding = createBinding(editor, provider, 'idea', doc, new Map([['idea', doc]]));
  editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has('collaboration')) return;
      syncLexicalUpdateToYjs(
        binding,
        provider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events, false);
  });
  return editor;
}

describe('reading an idea description from its Lexical doc', () => {
  it('turns paragraphs, formatting, headings, quotes and nested lists into Markdown', () => {
    const doc = new Y.Doc();
    const editor = boundEditor(doc);
    editor.update(
      () => {
        const heading = $createHeadingNode('h2').append($createTextNode('Én indgang'));
        const intro = $createParagraphNode().append(
          $createTextNode('Virksomheder ringer til '),
          $createTextNode('ét').toggleFormat('bold'),
          $createTextNode(' nummer, '),
          $createTextNode('altid').toggleFormat('italic'),
          $createTextNode('.'),
        );
        const nested = $createListNode('bullet').append($createListItemNode().append($createTextNode('Miljø')));
        const list = $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('Byggesag')),
          $createListItemNode().append(nested),
          $createListItemNode().append($createTextNode('Erhverv')),
        );
        const steps = $createListNode('number').append(
          $createListItemNode().append($createTextNode('Telefon')),
          $createListItemNode().append($createTextNode('Mail')),
        );
        const quote = $createQuoteNode().append($createTextNode('Hurtigt svar, også når det er nej'));
        $getRoot().clear().append(heading, intro, list, steps, quote, $createParagraphNode());
      },
      { discrete: true },
    );
    expect(lexicalDocMarkdown(doc)).toBe(
      [
        '## Én indgang',
        'Virksomheder ringer til **ét** nummer, *altid*.',
        '- Byggesag\n  - Miljø\n- Erhverv',
        '1. Telefon\n2. Mail',
        '> Hurtigt svar, også når det er nej',
      ].join('\n\n'),
    );
  });

  it('escapes characters that would otherwise become Markdown', () => {
    const doc = new Y.Doc();
    boundEditor(doc).update(
      () => {
        $getRoot()
          .clear()
          .append($createParagraphNode().append($createTextNode('2*3 og snake_case')));
      },
      { discrete: true },
    );
    expect(lexicalDocMarkdown(doc)).toBe('2\\*3 og snake\\_case');
  });

  it('reads an empty or never-edited doc as no description', () => {
    expect(lexicalDocMarkdown(new Y.Doc())).toBe('');
  });

  it('writes paragraphs that a Lexical editor opening the doc shows', async () => {
    const written = new Y.Doc();
    writeLexicalParagraphs(written, ['Første afsnit.', 'Andet afsnit.']);
    const doc = new Y.Doc();
    const editor = boundEditor(doc);
    const applied = new Promise<void>((resolve) => {
      const stop = editor.registerUpdateListener(() => {
        stop();
        resolve();
      });
    });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(written));
    await applied;
    const texts = editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((node) => [node.getType(), node.getTextContent()]),
    );
    expect(texts).toEqual([
      ['paragraph', 'Første afsnit.'],
      ['paragraph', 'Andet afsnit.'],
    ]);
    expect(lexicalDocMarkdown(doc)).toBe('Første afsnit.\n\nAndet afsnit.');
  });
});
