import type { CliIo } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/run.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `samle ARGS` in-process with this environment and standard input, capturing its output. */
export async function samleCli(args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    env,
    cwd: process.cwd(),
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    readStdin: async () => stdin,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}
