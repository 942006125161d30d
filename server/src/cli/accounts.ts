import { randomBytes } from 'node:crypto';
import { SignUpBody } from '@samle/shared';
import { Value } from '@sinclair/typebox/value';
import { hashPassword } from '../access/passwords.js';
import { loadConfig } from '../config.js';
import { newId } from '../workshops/plan.js';
import {
  type CliCommand,
  CliFailure,
  type CliIo,
  ExitCode,
  parseOptions,
  passwordFromStdin,
  UsageError,
} from './command.js';
import { openStorage } from './storage.js';

/** A password to hand over once: 20 characters from 15 random bytes (120 bits). */
function generatedPassword(): string {
  return randomBytes(15).toString('base64url');
}

/** The same rules as signing up in the web app (shared SignUpBody), so the CLI cannot make an account the app would refuse. */
function validated(input: { name: string; email: string; password: string }): void {
  const first = Value.Errors(SignUpBody, input).First();
  if (!first) return;
  const field = first.path.replace(/^\//, '') || 'input';
  const shown = field === 'password' ? 'password (at least 10 characters)' : field;
  throw new UsageError(`invalid ${shown}: ${first.message}`);
}

async function passwordFor(
  io: CliIo,
  fromStdin: boolean | undefined,
): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) return { password: await passwordFromStdin(io), generated: false };
  return { password: generatedPassword(), generated: true };
}

export const createFacilitator: CliCommand = {
  name: 'create-facilitator',
  summary: 'make a facilitator account (also the first one on a fresh install)',
  usage: `samle create-facilitator --email=EMAIL --name=NAME [--password-stdin]

Makes a facilitator account in the server's storage (SAMLE_DATA_DIR or DATABASE_URL).
Without --password-stdin a password is generated and printed once on stdout:
hand it over and ask them to change it. With --password-stdin the first line
of standard input is the password (at least 10 characters); it is never taken
from the command line, where other users of the machine could see it.`,
  async run(args, io) {
    const values = parseOptions(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    if (!values.email || !values.name) throw new UsageError('--email and --name are required');
    const { password, generated } = await passwordFor(io, values['password-stdin']);
    const email = values.email.trim().toLowerCase();
    const name = values.name.trim();
    validated({ name, email, password });
    const storage = await openStorage(loadConfig(io.env, io.cwd));
    try {
      if (await storage.workshops.findFacilitatorByEmail(email)) {
        throw new CliFailure(`there is already a facilitator with the email ${email} (use reset-password)`);
      }
      const id = newId();
      await storage.workshops.createFacilitator({
        id,
        email,
        name,
        passwordHash: await hashPassword(password),
        createdAt: Date.now(),
      });
      if (generated) io.out(`${password}\n`);
      io.err(`created facilitator ${name} <${email}> (${id})${generated ? '; the password is above' : ''}\n`);
      return ExitCode.ok;
    } finally {
      await storage.close();
    }
  },
};

export const resetPassword: CliCommand = {
  name: 'reset-password',
  summary: "set a facilitator's password and sign them out everywhere",
  usage: `samle reset-password --email=EMAIL [--password-stdin]

Sets a new password for the facilitator with this email and ends all their
sessions. Without --password-stdin a password is generated and printed once on
stdout; with it, the first line of standard input is the password.`,
  async run(args, io) {
    const values = parseOptions(args, { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
    if (!values.email) throw new UsageError('--email is required');
    const { password, generated } = await passwordFor(io, values['password-stdin']);
    const email = values.email.trim().toLowerCase();
    const storage = await openStorage(loadConfig(io.env, io.cwd));
    try {
      const facilitator = await storage.workshops.findFacilitatorByEmail(email);
      if (!facilitator) throw new CliFailure(`there is no facilitator with the email ${email}`);
      validated({ name: facilitator.name, email: facilitator.email, password });
      await storage.workshops.setFacilitatorPassword(facilitator.id, await hashPassword(password));
      if (generated) io.out(`${password}\n`);
      io.err(`new password for ${facilitator.name} <${facilitator.email}>; their sessions have ended\n`);
      return ExitCode.ok;
    } finally {
      await storage.close();
    }
  },
};
