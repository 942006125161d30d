import { afterEach, beforeEach } from 'vitest';
import type { Storage } from '../../src/storage/contracts/types.js';

/** Opens a fresh, empty, migrated storage. The suite closes it after each test. */
export type StorageFactory = () => Promise<Storage & { close(): Promise<void> }>;

/** A fresh storage per test, from `factory`. */
export function useStorage(factory: StorageFactory): () => Storage {
  let storage: Storage | undefined;
  beforeEach(async () => {
    storage = await factory();
  });
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
  });
  return () => {
    if (!storage) throw new Error('storage is only open inside a test');
    return storage;
  };
}
