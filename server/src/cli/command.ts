import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Exit codes of every `samle` command (docs/operations.md#operator-cli). */
export const ExitCode = {
  ok: 0,
  /** The command ran and failed or was refused (no such account, folder not empty…); nothing half-done is left. */
  failed: 1,
  /** Wrong arguments or input that does not pass validation; nothing was done. */
  usage: 2,
  /** Not done by this command for this storage (PostgreSQL): it printed what to run instead. */
  elsewhere: 3,
} as const;

/** What a command reads and writes, so tests run commands in-process with their own streams and environment. */
export interface CliIo {
  env: Record<string, string | undefined>;
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Everything on standard input (for --password-stdin). */
  readStdin(): Promise<string>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: the message and the usage go to stderr, exit 2. */
export class UsageError extends Error {}

/** The command was refused or failed in a way the operator can fix: the message goes to stderr, exit 1. */
export class CliFailure extends Error {}

/** parseArgs that reports unknown or malformed options as a UsageError. */
type Options = NonNullable<ParseArgsConfig['options']>;
type ParsedOptions<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>['values'];

export function parseOptions<T extends Options>(args: string[], options: T): ParsedOptions<T> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/** The first line of standard input, without its line ending. */
export async function passwordFromStdin(io: CliIo): Promise<string> {
  const text = await io.readStdin();
  return text.split(/\r?\n/)[0] ?? '';
}
