import { CloseCode, catalogDocId, DESCRIPTION_ROOT, ideaDocId, ideaOrder, ideasOf, readIdeas } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connect,
  fx,
  type Gathered,
  gatheredIdeas,
  invited,
  paragraphs,
  stranger,
  useCatalogSuite,
  writeParagraph,
} from './support/catalogSuite.js';
import { nextClose, synced, until } from './support/stockClient.js';

useCatalogSuite();

describe("an idea's description doc", () => {
  it('is written by leaders and facilitators live, and closed to participants, viewers and strangers', async () => {
    const { workshop, entry } = await gatheredIdeas();
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const docId = ideaDocId(workshop, entry);
    const writer = connect(docId, dorthe.token);
    const reader = connect(docId, (await invited('leader', 'Borgmester Bent')).token);
    await Promise.all([synced(writer), synced(reader)]);
    writeParagraph(writer.doc, 'Én telefon, én mail, én indgang.');
    await until(reader.doc, (doc) => paragraphs(doc).includes('Én telefon, én mail, én indgang.'));

    const participant = fx.participants[0];
    if (!participant) throw new Error('no participant');
    const viewer = await invited('viewer', 'Revisor Rie');
    for (const token of [participant.token, viewer.token, (await stranger()).token]) {
      expect((await nextClose(connect(docId, token))).code).toBe(CloseCode.DocNotFound);
    }
  });
});

describe("an idea's description doc refuses what the editor cannot show", () => {
  const crafted: Array<[string, (doc: Y.Doc) => void]> = [
    [
      'a node type the editor does not know',
      (doc) => {
        const root = doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
        doc.transact(() => {
          const block = new Y.XmlText();
          root.insertEmbed(root.length, block);
          block.setAttribute('__type', 'bogus-node');
        });
      },
    ],
    [
      'a text run of an unknown type',
      (doc) => {
        const root = doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
        const [first] = (root.toDelta() as Array<{ insert: unknown }>).map((op) => op.insert);
        if (!(first instanceof Y.XmlText)) throw new Error('no paragraph');
        const props = new Y.Map<unknown>();
        first.insertEmbed(first.length, props);
        props.set('__type', 'image');
      },
    ],
    ['another root', (doc) => doc.getMap('junk').set('k', 'v')],
  ];
  for (const [what, change] of crafted) {
    it(`refuses (4422) ${what}, and the description stays as it was for the others`, async () => {
      const { workshop, entry } = await gatheredIdeas();
      const dorthe = await invited('leader', 'Direktør Dorthe');
      const docId = ideaDocId(workshop, entry);
      const writer = connect(docId, dorthe.token);
      await synced(writer);
      writeParagraph(writer.doc, 'Én telefon, én mail.');
      const witness = connect(docId, dorthe.token);
      await until(witness.doc, (doc) => paragraphs(doc).length === 1);

      const offender = connect(docId, dorthe.token);
      await until(offender.doc, (doc) => paragraphs(doc).length === 1);
      const closed = nextClose(offender);
      change(offender.doc);
      expect((await closed).code).toBe(CloseCode.PolicyViolation);

      writeParagraph(writer.doc, 'Svar inden 24 timer.');
      await until(witness.doc, (doc) => paragraphs(doc).length === 2);
      const fresh = connect(docId, dorthe.token);
      await until(fresh.doc, (doc) => paragraphs(doc).length === 2);
      const root = fresh.doc.get(DESCRIPTION_ROOT, Y.XmlText) as Y.XmlText;
      const types = (root.toDelta() as Array<{ insert: unknown }>).map((op) =>
        op.insert instanceof Y.XmlText ? op.insert.getAttribute('__type') : typeof op.insert,
      );
      expect(types).toEqual(['paragraph', 'paragraph']);
      expect([...fresh.doc.share.keys()]).toEqual([DESCRIPTION_ROOT]);
    });
  }
});

describe('the catalog doc: clients edit titles, categories and order; provenance is server truth', () => {
  it('lets a leader retitle, categorise and reorder ideas live', async () => {
    const { workshop, entry, replies } = await gatheredIdeas();
    const dorthe = await invited('leader', 'Direktør Dorthe');
    const editor = connect(catalogDocId(workshop), dorthe.token);
    const witness = connect(catalogDocId(workshop), dorthe.token);
    await Promise.all([synced(editor), synced(witness)]);
    const idea = ideasOf(editor.doc).get(entry);
    const title = idea?.get('title');
    if (!(title instanceof Y.Text) || !idea) throw new Error('idea without a title');
    editor.doc.transact(() => {
      title.insert(title.length, ' og borgere');
      idea.set('category', 'Tilgængelighed');
      const order = ideaOrder(editor.doc);
      order.delete(0, order.length);
      order.push([replies, entry]);
    });
    await until(witness.doc, (doc) => readIdeas(doc)[0]?.id === replies);
    expect(readIdeas(witness.doc)[1]).toMatchObject({
      id: entry,
      title: 'Én indgang for virksomheder og borgere',
      category: 'Tilgængelighed',
    });
  });

  const forbidden: Array<[string, (doc: Y.Doc, ids: Gathered) => void]> = [
    [
      'rewrites an idea’s provenance',
      (doc, { entry }) => {
        const fake = new Y.Array<unknown>();
        fake.push([{ boardId: 'x', noteId: 'y', text: 'Opdigtet' }]);
        ideasOf(doc).get(entry)?.set('provenance', fake);
      },
    ],
    [
      'adds a source to an idea',
      (doc, { entry }) => {
        const provenance = ideasOf(doc).get(entry)?.get('provenance') as Y.Array<unknown>;
        provenance.push([{ boardId: 'x', noteId: 'y', text: 'Opdigtet' }]);
      },
    ],
    [
      'removes a source from an idea',
      (doc, { replies }) =>
        (ideasOf(doc).get(replies)?.get('provenance') as Y.Array<unknown> | undefined)?.delete(0, 1),
    ],
    [
      'creates an idea out of thin air',
      (doc) => {
        const idea = new Y.Map<unknown>();
        idea.set('title', new Y.Text('Ingen kilder'));
        ideasOf(doc).set('madeup', idea);
        ideaOrder(doc).push(['madeup']);
      },
    ],
    ['deletes an idea (that is a command)', (doc, { entry }) => ideasOf(doc).delete(entry)],
    ['replaces an idea’s title with a plain value', (doc, { entry }) => ideasOf(doc).get(entry)?.set('title', 42)],
    ['removes an idea’s title', (doc, { entry }) => ideasOf(doc).get(entry)?.delete('title')],
    [
      'makes a title 3,000 characters long',
      (doc, { entry }) => (ideasOf(doc).get(entry)?.get('title') as Y.Text | undefined)?.insert(0, 'y'.repeat(3000)),
    ],
    [
      'writes a category of 5,000 characters',
      (doc, { entry }) => ideasOf(doc).get(entry)?.set('category', 'x'.repeat(5000)),
    ],
    [
      'writes a category that is not text',
      (doc, { entry }) => ideasOf(doc).get(entry)?.set('category', new Y.Map<unknown>()),
    ],
    ['puts something other than an idea id into the order', (doc) => ideaOrder(doc).push([{ x: 1 } as never])],
    ['writes a root the catalog does not have', (doc) => doc.getMap('junk').set('k', 'v'.repeat(1000))],
  ];
  for (const [what, change] of forbidden) {
    it(`refuses (4422) a client update that ${what}, and stores and relays none of it`, async () => {
      const ids = await gatheredIdeas();
      const dorthe = await invited('leader', 'Direktør Dorthe');
      const offender = connect(catalogDocId(ids.workshop), dorthe.token);
      const witness = connect(catalogDocId(ids.workshop), dorthe.token);
      await Promise.all([synced(offender), synced(witness)]);
      const closed = nextClose(offender);
      change(offender.doc, ids);
      const close = await closed;
      expect(close.code).toBe(CloseCode.PolicyViolation);
      offender.destroy();

      // A later, allowed edit arrives; the refused one never did.
      const fair = connect(catalogDocId(ids.workshop), dorthe.token);
      await synced(fair);
      ideasOf(fair.doc).get(ids.replies)?.set('category', 'Service');
      await until(witness.doc, (doc) => readIdeas(doc).find((i) => i.id === ids.replies)?.category === 'Service');
      const ideas = readIdeas(witness.doc);
      expect(ideas.map((i) => [i.id, i.provenance.map((s) => s.noteId)])).toEqual([
        [ids.entry, ['n1', 'n2']],
        [ids.replies, ['n3', 'n4']],
      ]);
      const fresh = connect(catalogDocId(ids.workshop), dorthe.token);
      await synced(fresh);
      expect(readIdeas(fresh.doc).map((i) => i.provenance.length)).toEqual([2, 2]);
    });
  }
});
