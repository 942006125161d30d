import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samleCli } from './support/cliIo.js';
import { type RunningSamle, startSamle, tempDataDir } from './support/samleServer.js';

async function signIn(samle: RunningSamle, email: string, password: string): Promise<number> {
  const response = await fetch(`${samle.baseUrl}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return response.status;
}

describe('samle --help and exit codes', () => {
  it('lists every command and explains each one', async () => {
    const overview = await samleCli(['--help'], {});
    expect(overview.code).toBe(0);
    for (const name of [
      'backup',
      'restore',
      'create-facilitator',
      'reset-password',
      'mint-token',
      'export-workshop',
      'purge',
    ]) {
      expect(overview.out).toContain(name);
      const help = await samleCli([name, '--help'], {});
      expect(help.code, name).toBe(0);
      expect(help.out, name).toContain(`samle ${name}`);
    }
  });

  it('answers no command, an unknown command or an unknown option with exit 2 and the usage', async () => {
    expect((await samleCli([], {})).code).toBe(2);
    const unknown = await samleCli(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');
    const badOption = await samleCli(['backup', '--too=/tmp/x'], {});
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain('usage: samle backup');
  });
});

describe('create-facilitator and reset-password', () => {
  const dataDir = tempDataDir();
  const env = { SAMLE_DATA_DIR: dataDir };
  let samle: RunningSamle;
  beforeAll(async () => {
    // On a fresh install, before the server has ever run: the CLI makes the first account.
    const first = await samleCli(
      ['create-facilitator', '--email=Freja@Kommune.dk', '--name=Freja Facilitator', '--password-stdin'],
      env,
      'correct horse battery\n',
    );
    expect(first.code, first.err).toBe(0);
    samle = await startSamle({ dataDir });
  });
  afterAll(async () => {
    await samle?.stop();
  });

  it('makes an account that signs in with the password from standard input', async () => {
    expect(await signIn(samle, 'freja@kommune.dk', 'correct horse battery')).toBe(200);
  });

  it('prints a generated password once when none is given, and that password signs in', async () => {
    const made = await samleCli(['create-facilitator', '--email=bo@kommune.dk', '--name=Bo'], env);
    expect(made.code, made.err).toBe(0);
    const password = made.out.trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await signIn(samle, 'bo@kommune.dk', password)).toBe(200);
  });

  it('refuses an email that is taken, a short password, a bad email and a blank name, making nothing', async () => {
    const taken = await samleCli(['create-facilitator', '--email=FREJA@kommune.dk', '--name=Other'], env);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('already a facilitator');
    const short = await samleCli(
      ['create-facilitator', '--email=cai@kommune.dk', '--name=Cai', '--password-stdin'],
      env,
      'short\n',
    );
    expect(short.code).toBe(2);
    expect(short.err).toContain('password');
    const badEmail = await samleCli(['create-facilitator', '--email=not-an-email', '--name=Cai'], env);
    expect(badEmail.code).toBe(2);
    const blankName = await samleCli(['create-facilitator', '--email=cai@kommune.dk', '--name=   '], env);
    expect(blankName.code).toBe(2);
    const missing = await samleCli(['create-facilitator', '--email=cai@kommune.dk'], env);
    expect(missing.code).toBe(2);
    expect(await signIn(samle, 'cai@kommune.dk', 'short')).toBe(401);
  });

  it('resets a forgotten password: the old one stops working and open sessions end', async () => {
    const signedIn = await fetch(`${samle.baseUrl}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'freja@kommune.dk', password: 'correct horse battery' }),
    });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = async () =>
      (
        (await (await fetch(`${samle.baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as {
          facilitator: unknown;
        }
      ).facilitator;
    expect(await me()).not.toBeNull();

    const reset = await samleCli(['reset-password', '--email=Freja@kommune.dk'], env);
    expect(reset.code, reset.err).toBe(0);
    const password = reset.out.trim();
    expect(await signIn(samle, 'freja@kommune.dk', 'correct horse battery')).toBe(401);
    expect(await signIn(samle, 'freja@kommune.dk', password)).toBe(200);
    expect(await me()).toBeNull();
  });

  it('refuses to reset an unknown account or to a short password', async () => {
    const unknown = await samleCli(['reset-password', '--email=nobody@kommune.dk'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no facilitator');
    const short = await samleCli(['reset-password', '--email=bo@kommune.dk', '--password-stdin'], env, 'tiny\n');
    expect(short.code).toBe(2);
    expect(await signIn(samle, 'bo@kommune.dk', 'tiny')).toBe(401);
  });
});
