#!/usr/bin/env node
import { runCli } from './cli/run.js';

/**
 * `samle`, the operator CLI (the `samle` bin of @samle/server; `node server/dist/cli.js`
 * is the same): backup, restore, create-facilitator, reset-password, mint-token,
 * export-workshop, purge.
 * Each command says more with --help; docs/operations.md#operator-cli lists them.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin,
});
process.exitCode = code;
