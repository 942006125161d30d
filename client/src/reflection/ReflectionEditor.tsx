import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot } from 'lexical';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalProviderFactory } from '../sync/lexicalProvider';
import type { ReflectionSync } from './reflectionSync';

/** The reflection's root in its Yjs doc (shared/src/reflection.ts). */
const ROOT_NAME = 'reflection';

export interface Block {
  key: string;
  text: string;
}

const THEME = {
  paragraph: 'reflection-paragraph',
  text: { bold: 'text-bold', italic: 'text-italic', underline: 'text-underline' },
};

function onError(error: Error): void {
  // Lexical recovers by resetting the editor; the error still belongs in the console for a bug report.
  console.error('Reflection editor error', error);
}

/**
 * The rich-text editor bound to the person's reflection doc through
 * CollaborationPlugin. `sync` is opened by the page; the factory hands it to
 * Lexical (which connects and disconnects it), so exactly one provider exists.
 */
export function ReflectionEditor(props: { sync: ReflectionSync; onBlocks: (blocks: Block[]) => void; name: string }) {
  const { sync, onBlocks, name } = props;
  const { t } = useTranslation();
  // The page owns `sync` (it opens and destroys it), so the factory hands it over without a destroy.
  const providerFactory = useLexicalProviderFactory(
    useCallback(() => ({ doc: sync.doc, provider: sync.provider }), [sync]),
  );
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'samle-reflection',
        // With collaboration the doc is the source of the content, not an initial state.
        editorState: null,
        theme: THEME,
        onError,
      }}
    >
      <LexicalCollaboration>
        <div className="reflection-editor-shell">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="reflection-editor"
                data-testid="reflection-editor"
                aria-label={t('reflection.editorLabel')}
                aria-placeholder={t('reflection.placeholder')}
                placeholder={<p className="reflection-placeholder">{t('reflection.placeholder')}</p>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <CollaborationPlugin
            id={sync.docId}
            providerFactory={providerFactory}
            shouldBootstrap={true}
            rootName={ROOT_NAME}
            username={name}
          />
          <BlocksPlugin onBlocks={onBlocks} />
        </div>
      </LexicalCollaboration>
    </LexicalComposer>
  );
}

/** Reports the top-level blocks (paragraphs) and their text after every change. */
function BlocksPlugin({ onBlocks }: { onBlocks: (blocks: Block[]) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let last = '';
    return editor.registerUpdateListener(({ editorState }) => {
      const blocks = editorState.read(() =>
        $getRoot()
          .getChildren()
          .map((node) => ({ key: node.getKey(), text: node.getTextContent() })),
      );
      const fingerprint = JSON.stringify(blocks);
      if (fingerprint === last) return;
      last = fingerprint;
      onBlocks(blocks);
    });
  }, [editor, onBlocks]);
  return null;
}
