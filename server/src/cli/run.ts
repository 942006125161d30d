import { ConfigError } from '../config.js';
import { NoSuchWorkshop } from '../privacy/workshopRows.js';
import { DatabaseTooNewError } from '../storage/schemaVersion.js';
import { createFacilitator, resetPassword } from './accounts.js';
import { backup, restore } from './backup.js';
import { type CliCommand, CliFailure, type CliIo, ExitCode, UsageError, wantsHelp } from './command.js';
import { mintToken } from './mintToken.js';
import { exportWorkshopCommand, purgeCommand } from './privacy.js';

export const commands: CliCommand[] = [
  backup,
  restore,
  createFacilitator,
  resetPassword,
  mintToken,
  exportWorkshopCommand,
  purgeCommand,
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `usage: samle <command> [options]   (also: node server/dist/cli.js <command>)

Operator commands. Run them with the server's environment (SAMLE_DATA_DIR or
DATABASE_URL, SAMLE_SECRET); \`samle <command> --help\` tells more.

${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Exit codes: 0 done, 1 failed or refused, 2 wrong arguments or invalid input,
3 not done here for PostgreSQL (it prints what to run instead).
`;
}

/** Runs one operator command and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(overview());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`samle: unknown command "${name}"\n\n${overview()}`);
    return ExitCode.usage;
  }
  if (wantsHelp(args)) {
    io.out(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`samle ${command.name}: ${error.message}\n\nusage: ${command.usage}\n`);
      return ExitCode.usage;
    }
    if (error instanceof ConfigError) {
      io.err(`samle ${command.name}: ${error.message}\n`);
      return ExitCode.usage;
    }
    // The privacy logic knows nothing of the CLI; a workshop that is not there is the operator's to fix.
    if (error instanceof CliFailure || error instanceof NoSuchWorkshop || error instanceof DatabaseTooNewError) {
      io.err(`samle ${command.name}: ${error.message}\n`);
      return ExitCode.failed;
    }
    io.err(`samle ${command.name} failed: ${(error as Error).stack ?? String(error)}\n`);
    return ExitCode.failed;
  }
}
