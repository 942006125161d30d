import { nextFollowUp, publishedDocId, readFollowUps, writeFollowUp } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scrubDoc } from '../src/privacy/scrub.js';

describe('erasing a person from the follow-up log', () => {
  it("replaces a leader's name in every follow-up update of the published document, and nothing else", () => {
    const doc = new Y.Doc();
    let view = nextFollowUp(null, 'i1', { text: 'Projektgruppen er nedsat', percent: 40 }, 'Direktør Dorthe', 1);
    view = nextFollowUp(view, 'i1', { text: 'Milepæl nået' }, 'Freja', 2);
    writeFollowUp(doc, view);
    const who = { personId: 'p1', name: 'Direktør Dorthe', replacement: 'Slettet person' };
    expect(scrubDoc(doc, publishedDocId('w1'), who)).toBe(true);
    expect(readFollowUps(doc)[0]?.log.map((entry) => entry.by)).toEqual(['Slettet person', 'Freja']);
    expect(readFollowUps(doc)[0]?.log[0]?.text).toBe('Projektgruppen er nedsat');
  });
});
