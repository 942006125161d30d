import { type InlineRun, type MarkdownBlock, markdownBlocks } from '@samle/shared';
import { type ReactNode, useMemo } from 'react';

/** Markdown (rationales, descriptions) drawn as React elements — never as HTML. */
export function MarkdownView({ markdown, className }: { markdown: string; className?: string }) {
  const blocks = useMemo(() => markdownBlocks(markdown), [markdown]);
  if (blocks.length === 0) return null;
  return <div className={['markdown', className].filter(Boolean).join(' ')}>{blocks.map(renderBlock)}</div>;
}

function renderRuns(runs: readonly InlineRun[]): ReactNode[] {
  return runs.map((run, index) => {
    // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their position.
    if (run.text === '\n') return <br key={index} />;
    let node: ReactNode = run.text;
    if (run.code) node = <code>{node}</code>;
    if (run.strike) node = <s>{node}</s>;
    if (run.italic) node = <em>{node}</em>;
    if (run.bold) node = <strong>{node}</strong>;
    if (run.href && /^(https?:|mailto:)/i.test(run.href)) {
      node = (
        <a href={run.href} target="_blank" rel="noreferrer">
          {node}
        </a>
      );
    }
    // biome-ignore lint/suspicious/noArrayIndexKey: as above.
    return <span key={index}>{node}</span>;
  });
}

function renderBlock(block: MarkdownBlock, index: number): ReactNode {
  switch (block.kind) {
    case 'paragraph':
      return <p key={index}>{renderRuns(block.runs)}</p>;
    case 'heading':
      return (
        <p key={index} className="markdown-heading">
          {renderRuns(block.runs)}
        </p>
      );
    case 'quote':
      return <blockquote key={index}>{renderRuns(block.runs)}</blockquote>;
    case 'list': {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are positional.
        <li key={i}>
          {renderRuns(item.runs)}
          {item.children.map(renderBlock)}
        </li>
      ));
      return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
    }
  }
}
