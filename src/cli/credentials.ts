/**
 * Secrets that do not go on the command line, where other users of the machine can read them in the process
 * list and shells keep them in history: `--password-stdin` and `--token-stdin` read them from standard
 * input (as `docker login --password-stdin` does), and on a terminal a `--user` without a password is asked
 * for one, typed with echo off. What is read here joins the flags, and the reporter's secrets.
 */
import { CliError } from './cli-error.js';
import type { DiscoveryFlags } from './options.js';
import { ask, canAsk, TERMINAL, type PromptStreams } from './prompt.js';

export interface SecretFlags {
  readonly passwordStdin?: boolean;
  readonly tokenStdin?: boolean;
}

/** The flags with the password or token they promise filled in. */
export async function readSecrets<F extends DiscoveryFlags & SecretFlags>(
  flags: F,
  env: NodeJS.ProcessEnv,
  streams: PromptStreams = TERMINAL,
): Promise<F> {
  if (flags.passwordStdin === true) {
    const user = flags.user ?? env['LIFERAY_USER'];
    if (user === undefined)
      throw new CliError('cli.credentials', '--password-stdin needs a user: give --user <user> or set LIFERAY_USER');
    return { ...flags, password: await readSecret('password', `Password for ${user}: `, streams) };
  }
  if (flags.tokenStdin === true) return { ...flags, token: await readSecret('token', 'OAuth2 token: ', streams) };
  if (wantsPassword(flags, env) && canAsk(streams))
    return { ...flags, password: await ask(`Password for ${flags.user}: `, { secret: true, streams }) };
  return flags;
}

/** A `--user` with no password anywhere, for a portal (a saved document needs no credentials). */
function wantsPassword(flags: DiscoveryFlags, env: NodeJS.ProcessEnv): boolean {
  return (
    flags.user !== undefined &&
    flags.password === undefined &&
    env['LIFERAY_PASSWORD'] === undefined &&
    flags.token === undefined &&
    flags.discovery === undefined
  );
}

/** All of standard input, less its final line break; on a terminal, one line typed with echo off. */
async function readSecret(what: 'password' | 'token', question: string, streams: PromptStreams): Promise<string> {
  const text = canAsk(streams)
    ? await ask(question, { secret: true, streams })
    : (await readAll(streams.input)).replace(/\r?\n$/, '');
  if (text === '') throw new CliError('cli.credentials', `--${what}-stdin: standard input held no ${what}`);
  return text;
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
