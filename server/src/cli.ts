#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadSigningSecret } from './access/secret.js';
import { TokenService } from './access/tokens.js';
import { loadConfig } from './config.js';

/**
 * Operator commands. `mint-token` prints a scoped, signed, expiring token for
 * named documents — for load tests, benchmarks and scripts, so nothing needs an
 * auth bypass. It signs with the same key as the server (SAMLE_SECRET, or the key
 * in SAMLE_DATA_DIR), so run it with the server's environment.
 *
 *   node server/dist/cli.js mint-token --doc=BOARD_ID [--doc=…] [--access=read|write] [--ttl=SECONDS]
 */
const usage = `usage: samle-cli mint-token --doc=DOC_ID [--doc=DOC_ID …] [--access=read|write] [--ttl=SECONDS]

Prints a token for the sync endpoint: ws://HOST/sync/DOC_ID?token=TOKEN
(a stock y-websocket client passes it as params: { token }).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'mint-token') {
    process.stderr.write(`${usage}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      doc: { type: 'string', multiple: true },
      access: { type: 'string', default: 'read' },
      ttl: { type: 'string', default: '3600' },
    },
    strict: true,
  });
  const docs = values.doc ?? [];
  const ttl = Number(values.ttl);
  if (
    docs.length === 0 ||
    (values.access !== 'read' && values.access !== 'write') ||
    !Number.isInteger(ttl) ||
    ttl < 1
  ) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const config = loadConfig();
  const tokens = new TokenService(loadSigningSecret(config.dataDir, config.secret));
  const { token, expiresAt } = await tokens.mint({ kind: 'doc', docs, access: values.access }, ttl);
  process.stdout.write(`${token}\n`);
  process.stderr.write(`valid until ${new Date(expiresAt).toISOString()} for ${docs.join(', ')} (${values.access})\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`samle-cli: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
