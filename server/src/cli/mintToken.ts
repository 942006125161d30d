import { loadSigningSecret } from '../access/secret.js';
import { TokenService } from '../access/tokens.js';
import { loadConfig } from '../config.js';
import { type CliCommand, ExitCode, parseOptions, UsageError } from './command.js';

/**
 * A scoped, signed, expiring token for named documents — for load tests, benchmarks and
 * scripts, so nothing needs an auth bypass. Signed with the server's key (SAMLE_SECRET,
 * or the key in SAMLE_DATA_DIR), so run it with the server's environment.
 */
export const mintToken: CliCommand = {
  name: 'mint-token',
  summary: 'print a token for the sync endpoint (scripts, load tests)',
  usage: `samle mint-token --doc=DOC_ID [--doc=DOC_ID …] [--access=read|write] [--ttl=SECONDS]

Prints a token for the sync endpoint: ws://HOST/sync/DOC_ID?token=TOKEN
(a stock y-websocket client passes it as params: { token }). Default: read, 3600 s.`,
  async run(args, io) {
    const values = parseOptions(args, {
      doc: { type: 'string', multiple: true },
      access: { type: 'string', default: 'read' },
      ttl: { type: 'string', default: '3600' },
    });
    const docs = values.doc ?? [];
    const ttl = Number(values.ttl);
    if (docs.length === 0) throw new UsageError('at least one --doc is required');
    if (values.access !== 'read' && values.access !== 'write') throw new UsageError('--access must be read or write');
    if (!Number.isInteger(ttl) || ttl < 1) throw new UsageError('--ttl must be a whole number of seconds ≥ 1');
    const config = loadConfig(io.env, io.cwd);
    const tokens = new TokenService(loadSigningSecret(config.dataDir, config.secret));
    const { token, expiresAt } = await tokens.mint({ kind: 'doc', docs, access: values.access }, ttl);
    io.out(`${token}\n`);
    io.err(`valid until ${new Date(expiresAt).toISOString()} for ${docs.join(', ')} (${values.access})\n`);
    return ExitCode.ok;
  },
};
