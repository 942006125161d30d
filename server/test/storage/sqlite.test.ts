import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage.js';
import { storageContract } from './contract.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

storageContract(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samle-storage-'));
  dirs.push(dir);
  return new SqliteStorage({ dataDir: dir });
});
