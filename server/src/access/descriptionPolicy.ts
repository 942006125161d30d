import { DESCRIPTION_ROOT } from '@samle/shared';
import * as Y from 'yjs';
import type { GuardVerdict } from '../sync/types.js';
import { integrationRefusal, plainValueOf } from './shadowGuard.js';

/** Block nodes (a `Y.XmlText` each) and text runs (an embedded `Y.Map` each) the description editor shows. */
const BLOCK_TYPES = new Set(['root', 'paragraph']);
const RUN_TYPES = new Set(['text', 'linebreak', 'tab']);

/**
 * The node properties @lexical/yjs writes for those nodes: a block's are
 * attributes of its `Y.XmlText`, a run's are keys of its `Y.Map`. Anything
 * else is written into the node object when an editor loads it — a crafted
 * `__proto__` or `constructor` blanked every editor that opened the
 * description — so only these names are accepted.
 */
const BLOCK_PROPERTIES = new Set(['__type', '__format', '__indent', '__dir', '__style', '__textFormat', '__textStyle']);
const RUN_PROPERTIES = new Set(['__type', '__format', '__style', '__mode', '__detail']);

/**
 * What a client may write to an idea's description doc (`<workshop>-idea-<idea>`):
 * what the description editor can show — paragraphs of text runs, line breaks
 * and tabs under the root `root`, with the properties Lexical gives them, as
 * plain values. A crafted node type (one the editor has no class for) made the
 * editor drop the whole description for everyone who opened it, so an update
 * that brings one, an unknown property, or another root, is refused (4422).
 * Each created item is judged where it landed (shadowGuard.ts), so nothing is
 * walked recursively.
 */
export function descriptionWriteRefusal(live: Y.Doc, update: Uint8Array): string | GuardVerdict | null {
  return integrationRefusal(
    live,
    update,
    {
      created: (item, rootKey) => {
        if (rootKey !== DESCRIPTION_ROOT) return 'a description holds only its Lexical root';
        return item.parentSub === null ? contentRefusal(item) : propertyRefusal(item, item.parentSub);
      },
      changed: (_type, _keys, _transaction, rootKey) =>
        rootKey === DESCRIPTION_ROOT ? null : 'a description holds only its Lexical root',
    },
    // A root the doc has not asked for by type integrates untyped; the description's is a Y.XmlText.
    (doc) => doc.get(DESCRIPTION_ROOT, Y.XmlText),
  );
}

/** An item in a block's content: text, or an embedded block or run. */
function contentRefusal(item: Y.Item): string | null {
  if (!(item.parent instanceof Y.XmlText)) return 'a description holds paragraphs of text';
  const { content } = item;
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentType) {
    // Y.XmlText extends Y.Text: the exact class is what the editor reads as a block.
    const embedded = content.type;
    if (embedded instanceof Y.XmlText || (embedded instanceof Y.Map && !(embedded instanceof Y.XmlText))) return null;
  }
  return 'a description holds paragraphs of text';
}

/** A property of a block (an attribute) or of a run (a map key). */
function propertyRefusal(item: Y.Item, key: string): string | null {
  const parent = item.parent;
  const block = parent instanceof Y.XmlText;
  const allowed = block ? BLOCK_PROPERTIES : parent instanceof Y.Map ? RUN_PROPERTIES : null;
  if (!allowed?.has(key)) return `a description node has no "${key.slice(0, 40)}" property`;
  if (item.deleted) return null;
  if (!(item.content instanceof Y.ContentAny)) return 'a description node property is a plain value';
  const value = plainValueOf(item);
  if (value !== null && typeof value === 'object') return 'a description node property is a plain value';
  if (key !== '__type') return null;
  if (typeof value === 'string' && (block ? BLOCK_TYPES : RUN_TYPES).has(value)) return null;
  return block
    ? `a description has no "${String(value).slice(0, 40)}" nodes`
    : `a description has no "${String(value).slice(0, 40)}" runs`;
}
