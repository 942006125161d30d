import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { DESCRIPTION_ROOT, ideaDocId } from '@samle/shared';
import { $getRoot } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asLexicalProvider, useLexicalProviderFactory } from '../sync/lexicalProvider';
import { openDoc } from '../sync/openDoc';

const THEME = {
  paragraph: 'description-paragraph',
  text: { bold: 'text-bold', italic: 'text-italic', underline: 'text-underline' },
};

function onError(error: Error): void {
  // Lexical recovers by resetting the editor; the error still belongs in the console for a bug report.
  console.error('Idea description editor error', error);
}

/**
 * The one Lexical editor on the catalog page: the open idea's description,
 * bound to its own doc (`<workshop>-idea-<idea>`) through CollaborationPlugin
 * and a stock y-websocket provider. Mount it with `key={ideaId}`, so switching
 * ideas tears one binding down before the next starts. Nothing is kept in
 * IndexedDB: the description is shared work, and the server holds it.
 */
export function DescriptionEditor(props: {
  workshopId: string;
  ideaId: string;
  token: string | undefined;
  name: string;
  /** The description's paragraphs as plain text after each change (for printing). */
  onParagraphs: (ideaId: string, paragraphs: string[]) => void;
}) {
  const { workshopId, ideaId, token, name, onParagraphs } = props;
  const { t } = useTranslation();
  const [synced, setSynced] = useState(false);
  const docId = ideaDocId(workshopId, ideaId);
  const providerFactory = useLexicalProviderFactory(
    useCallback(
      (id: string) => {
        const opened = openDoc(id, { token, connect: false });
        opened.provider.on('sync', (isSynced: boolean) => {
          if (isSynced) setSynced(true);
        });
        return { doc: opened.doc, provider: asLexicalProvider(opened.provider), destroy: opened.destroy };
      },
      [token],
    ),
  );
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'samle-idea-description',
        // With collaboration the doc is the source of the content, not an initial state.
        editorState: null,
        theme: THEME,
        onError,
      }}
    >
      <LexicalCollaboration>
        <div className="description-shell" data-synced={synced || undefined}>
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="description-editor"
                data-testid="idea-description"
                aria-label={t('catalog.detail.descriptionLabel')}
                aria-placeholder={t('catalog.detail.descriptionPlaceholder')}
                placeholder={
                  <p className="description-placeholder">
                    {synced ? t('catalog.detail.descriptionPlaceholder') : t('catalog.detail.descriptionLoading')}
                  </p>
                }
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <CollaborationPlugin
            id={docId}
            providerFactory={providerFactory}
            shouldBootstrap={true}
            rootName={DESCRIPTION_ROOT}
            username={name}
          />
          <ParagraphsPlugin ideaId={ideaId} onParagraphs={onParagraphs} />
        </div>
      </LexicalCollaboration>
    </LexicalComposer>
  );
}

/** Reports the description's paragraphs after every change. */
function ParagraphsPlugin({
  ideaId,
  onParagraphs,
}: {
  ideaId: string;
  onParagraphs: (ideaId: string, paragraphs: string[]) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const last = useRef('');
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const paragraphs = editorState.read(() =>
          $getRoot()
            .getChildren()
            .map((node) => node.getTextContent())
            .filter((text) => text.trim() !== ''),
        );
        const fingerprint = JSON.stringify(paragraphs);
        if (fingerprint === last.current) return;
        last.current = fingerprint;
        onParagraphs(ideaId, paragraphs);
      }),
    [editor, ideaId, onParagraphs],
  );
  return null;
}
