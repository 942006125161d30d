#!/usr/bin/env node
// Memory of a written 5,000-note board (issue #19, target (c) ≤ 3× its encoded size), measured in one process:
// a live Y.Doc per board (what the relay holds today) against the struct index (server/src/access/structIndex.ts,
// what would let the guards judge without a live doc) plus the board's encoded state. Heap used plus array buffers after full GCs,
// six boards each, divided by six. Also the time to read a board into each, and to judge one small edit.
// `node --expose-gc bench/relay/structIndex.mjs [--notes 5000] [--boards 6]` (needs `pnpm build` for server/dist).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createNote } from '@samle/shared';
import * as Y from 'yjs';

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '5000' }, boards: { type: 'string', default: '6' } },
});
if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const NOTES = Number(values.notes);
const BOARDS = Number(values.boards);
const repoDir = path.resolve(import.meta.dirname, '..', '..');
const { StructIndex } = await import(path.join(repoDir, 'server/dist/access/structIndex.js'));

/** A board written as the relay bench writes it: transactions of 250 notes, with authors. */
function board() {
  const doc = new Y.Doc();
  for (let start = 0; start < NOTES; start += 250) {
    doc.transact(() => {
      for (let i = start; i < Math.min(NOTES, start + 250); i++) {
        createNote(doc, {
          id: `n${i}-${doc.clientID}`,
          x: (i % 90) * 230,
          y: Math.floor(i / 90) * 190,
          text: `Idé nummer ${i}: kortere svartider for virksomheder`,
          authorId: `person-${i % 40}`,
          authorName: `Deltager ${i % 40}`,
          createdAt: i,
        });
      }
    });
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  // Typed arrays keep their bytes outside the JS heap: count them too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const updates = Array.from({ length: BOARDS }, board);
const encoded = updates.reduce((sum, u) => sum + u.byteLength, 0) / BOARDS;

function measure(label, make) {
  const before = heap();
  const started = performance.now();
  const held = updates.map(make);
  const readMs = (performance.now() - started) / BOARDS;
  const perBoard = (heap() - before) / BOARDS;
  return { label, held, perBoard, readMs };
}

const docs = measure('live Y.Doc (today)', (update) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
});
const docRows = docs;
docs.held.length = 0;
const indexes = measure('struct index', (update) => StructIndex.from(update));
// A small edit judged by the index: one note moved.
const editDoc = new Y.Doc();
Y.applyUpdate(editDoc, updates[0]);
let edit;
editDoc.on('update', (u) => {
  edit = u;
});
editDoc
  .getMap('notes')
  .get([...editDoc.getMap('notes').keys()][0])
  .set('x', 1);
const rounds = 2000;
const judgeStart = performance.now();
for (let i = 0; i < rounds; i++) indexes.held[0].judge(edit);
const judgeUs = ((performance.now() - judgeStart) / rounds) * 1000;

const mib = (bytes) => (bytes / 1048576).toFixed(2);
console.log(
  `${BOARDS} boards of ${NOTES} notes, ${(encoded / 1e6).toFixed(2)} MB encoded each (Node ${process.version})\n`,
);
console.log('| held per board | heap + buffers (MiB) | × encoded | read in (ms) |');
console.log('|---|---|---|---|');
console.log(
  `| ${docRows.label} | ${mib(docRows.perBoard)} | ${(docRows.perBoard / encoded).toFixed(1)}× | ${docRows.readMs.toFixed(0)} |`,
);
console.log(
  `| ${indexes.label} | ${mib(indexes.perBoard)} | ${(indexes.perBoard / encoded).toFixed(1)}× | ${indexes.readMs.toFixed(0)} |`,
);
console.log(
  `| struct index + encoded state | ${mib(indexes.perBoard + encoded)} | ${((indexes.perBoard + encoded) / encoded).toFixed(1)}× | – |`,
);
console.log(
  `\njudging one moved note with the index: ${judgeUs.toFixed(1)} µs; index's own byte count ${mib(indexes.held[0].bytes)} MiB`,
);
