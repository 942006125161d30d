import { describe, expect, it } from 'vitest';
import { isMine, rememberedNotes, rememberNote } from './myNotes';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('my notes in write mode', () => {
  it('counts notes signed with my id and notes this device wrote on an anonymous board', () => {
    const storage = memoryStorage();
    rememberNote(storage, 'b1', 'n2');
    const remembered = rememberedNotes(storage, 'b1');
    expect(isMine({ id: 'n1', authorId: 'me' }, 'me', remembered)).toBe(true);
    expect(isMine({ id: 'n2', authorId: undefined }, 'me', remembered)).toBe(true);
    expect(isMine({ id: 'n3', authorId: 'other' }, 'me', remembered)).toBe(false);
  });

  it('keeps each board to itself and survives a damaged entry', () => {
    const storage = memoryStorage();
    rememberNote(storage, 'b1', 'n1');
    expect(rememberedNotes(storage, 'b2').size).toBe(0);
    storage.setItem('samle.myNotes.b3', '{not json');
    expect(rememberedNotes(storage, 'b3').size).toBe(0);
  });
});
