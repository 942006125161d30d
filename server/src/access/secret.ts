import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/privateFiles.js';

/**
 * The key that signs access tokens: SAMLE_SECRET (base64, ≥ 32 bytes) when set —
 * needed when several instances must accept each other's tokens — else a random
 * key kept in the data folder, created on first start, readable by its owner only.
 */
export function loadSigningSecret(dataDir: string, fromEnv: string | undefined): Uint8Array {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length < 32) throw new Error('SAMLE_SECRET must be at least 32 bytes, base64-encoded');
    return new Uint8Array(key);
  }
  const file = path.join(dataDir, 'signing.key');
  if (fs.existsSync(file)) {
    // A key written by an older version or copied in by hand: readable by its owner only from now on.
    fs.chmodSync(file, PRIVATE_FILE_MODE);
    return new Uint8Array(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  }
  ensurePrivateDir(dataDir);
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return new Uint8Array(key);
}
