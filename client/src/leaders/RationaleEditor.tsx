import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode } from '@lexical/list';
import {
  $convertFromMarkdownString,
  $convertToMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  type Transformer,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { QuoteNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND, KEY_ENTER_COMMAND } from 'lexical';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

/** What the rationale keeps: paragraphs, bold, italic, strike, lists, quotes (shared/src/markdownBlocks.ts reads them). */
const RATIONALE_MARKDOWN: Transformer[] = [
  UNORDERED_LIST,
  ORDERED_LIST,
  QUOTE,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
];

const THEME = {
  paragraph: 'rationale-paragraph',
  list: { ul: 'rationale-ul', ol: 'rationale-ol', listitem: 'rationale-li' },
  quote: 'rationale-quote',
  text: { bold: 'text-bold', italic: 'text-italic', strikethrough: 'text-strike' },
};

function onError(error: Error): void {
  // Lexical recovers by resetting the editor; the error still belongs in the console for a bug report.
  console.error('Rationale editor error', error);
}

/**
 * The leader's rationale for an idea: a Lexical rich-text editor that reads and
 * writes Markdown. It is not a shared doc: `onCommit` sends the Markdown through
 * the assessment command (on blur, with Ctrl+Enter or the save button), so every
 * saved version is in the decision history. `onDraft` reports each edit.
 */
export function RationaleEditor(props: {
  ideaId: string;
  markdown: string;
  onDraft: (markdown: string) => void;
  onCommit: () => void;
  labelId: string;
  hintId: string;
}) {
  const { t } = useTranslation();
  return (
    <LexicalComposer
      key={props.ideaId}
      initialConfig={{
        namespace: 'samle-rationale',
        nodes: [ListNode, ListItemNode, QuoteNode],
        theme: THEME,
        onError,
        editorState: () => $convertFromMarkdownString(props.markdown, RATIONALE_MARKDOWN),
      }}
    >
      <div className="rationale-editor-shell">
        <RationaleToolbar />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="rationale-editor"
              data-testid="rationale-editor"
              aria-labelledby={props.labelId}
              aria-describedby={props.hintId}
              aria-placeholder={t('leaders.rationalePlaceholder')}
              placeholder={<p className="rationale-placeholder">{t('leaders.rationalePlaceholder')}</p>}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <MarkdownShortcutPlugin transformers={RATIONALE_MARKDOWN} />
        <MarkdownOut markdown={props.markdown} onDraft={props.onDraft} onCommit={props.onCommit} />
      </div>
    </LexicalComposer>
  );
}

/** Bold, italic and the two lists, as buttons (the keyboard has Ctrl+B and Ctrl+I too). */
function RationaleToolbar() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const keep = (event: React.MouseEvent) => event.preventDefault(); // keep the editor's selection
  return (
    <div className="rationale-toolbar" role="toolbar" aria-label={t('leaders.rationale')}>
      <button
        type="button"
        className="rationale-tool"
        onMouseDown={keep}
        title={t('leaders.formatBold')}
        aria-label={t('leaders.formatBold')}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        <strong>B</strong>
      </button>
      <button
        type="button"
        className="rationale-tool"
        onMouseDown={keep}
        title={t('leaders.formatItalic')}
        aria-label={t('leaders.formatItalic')}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <em>I</em>
      </button>
      <button
        type="button"
        className="rationale-tool"
        onMouseDown={keep}
        title={t('leaders.bulletList')}
        aria-label={t('leaders.bulletList')}
        onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}
      >
        <Icon name="list" />
      </button>
      <button
        type="button"
        className="rationale-tool"
        onMouseDown={keep}
        title={t('leaders.numberedList')}
        aria-label={t('leaders.numberedList')}
        onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}
      >
        {/* An icon, like the bullet list's: visible text would have to be part of the button's name (WCAG 2.5.3). */}
        <Icon name="numbered" />
      </button>
    </div>
  );
}

/**
 * Reports the Markdown after each edit, commits on blur and Ctrl+Enter, and takes
 * in a rationale someone else saved while this editor holds no unsaved edits.
 */
function MarkdownOut({
  markdown,
  onDraft,
  onCommit,
}: {
  markdown: string;
  onDraft: (markdown: string) => void;
  onCommit: () => void;
}) {
  const [editor] = useLexicalComposerContext();
  const current = useRef(markdown);
  const callbacks = useRef({ onDraft, onCommit });
  callbacks.current = { onDraft, onCommit };

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
          if (tags.has('samle-external') || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
          const next = editorState.read(() => $convertToMarkdownString(RATIONALE_MARKDOWN));
          if (next === current.current) return;
          current.current = next;
          callbacks.current.onDraft(next);
        }),
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            callbacks.current.onCommit();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            if (!event || !(event.ctrlKey || event.metaKey)) return false;
            event.preventDefault();
            callbacks.current.onCommit();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  // Someone else saved a new rationale: show it, unless this editor holds edits of its own.
  useEffect(() => {
    if (markdown === current.current || editor.getRootElement() === document.activeElement) return;
    current.current = markdown;
    editor.update(() => $convertFromMarkdownString(markdown, RATIONALE_MARKDOWN), { tag: 'samle-external' });
  }, [editor, markdown]);
  return null;
}
