/**
 * The discovery options shared by `discover` and `generate`, their typed parsers, and the credentials
 * taken from flags or the environment. Parsers throw commander's InvalidArgumentError (exit code 2).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { DiscoverOptions } from '../discovery/index.js';
import { CliError } from './cli-error.js';

export interface DiscoveryFlags {
  readonly url?: string;
  readonly discovery?: string[];
  readonly context?: string[];
  readonly filter?: string;
  readonly jsonwsPath: string;
  readonly user?: string;
  readonly password?: string;
  readonly token?: string;
  readonly passwordStdin?: boolean;
  readonly tokenStdin?: boolean;
  readonly timeout: number;
  readonly retries: number;
  readonly verbose?: boolean;
}

export function wholeNumber(minimum: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < minimum) {
      throw new InvalidArgumentError(`expected a whole number of at least ${minimum}, got "${text}".`);
    }
    return value;
  };
}

/** Repeatable and comma separated: `--context a,b --context c` → [a, b, c]. */
function collectList(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  ];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addDiscoveryOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--url <portal>', 'base URL of the portal, e.g. http://localhost:8080').conflicts('discovery'),
    )
    .addOption(
      new Option('--discovery <file...>', 'saved discovery document(s) instead of --url, one per context').argParser(
        collect,
      ),
    )
    .addOption(
      new Option(
        '--context <name>',
        'plugin context(s) to discover, repeatable or comma separated (default: the portal)',
      ).argParser(collectList),
    )
    .option('--filter <service>', 'discover only this service: ?discover=/<service>/*')
    .option('--jsonws-path <path>', 'path of JSON web services on the portal (6.1: api/secure/jsonws)', 'api/jsonws')
    .option(
      '--user <user>',
      'user for HTTP Basic authentication (env LIFERAY_USER); on a terminal, asks for the password when none is given',
    )
    .addOption(
      new Option('--password-stdin', 'read the password from standard input').conflicts([
        'password',
        'token',
        'tokenStdin',
      ]),
    )
    .option(
      '--password <password>',
      'password (env LIFERAY_PASSWORD); other users can see a command line: prefer --password-stdin or the prompt',
    )
    .addOption(
      new Option('--token-stdin', 'read the OAuth2 bearer token from standard input').conflicts(['token', 'password']),
    )
    .option('--token <token>', 'OAuth2 bearer token (env LIFERAY_TOKEN); prefer --token-stdin')
    .option('--timeout <ms>', 'timeout of each request in milliseconds', wholeNumber(1), 30_000)
    .option('--retries <n>', 'retries on connection errors and 502/503/504', wholeNumber(0), 3)
    .option('--verbose', 'print each request, retry and stage time, and stack traces');
}

export function toDiscoverOptions(flags: DiscoveryFlags, env: NodeJS.ProcessEnv): DiscoverOptions {
  if (flags.url === undefined && flags.discovery === undefined) {
    throw new CliError(
      'cli.no-source',
      'give the portal with --url <portal> or a saved document with --discovery <file>',
    );
  }
  const credentials = toCredentials(flags, env);
  return {
    ...(flags.url === undefined ? {} : { url: flags.url }),
    ...(flags.discovery === undefined ? {} : { discovery: flags.discovery }),
    ...(flags.context === undefined ? {} : { contexts: flags.context }),
    ...(flags.filter === undefined ? {} : { filter: flags.filter }),
    ...(credentials === undefined ? {} : { credentials }),
    jsonwsPath: flags.jsonwsPath.replace(/^\/+|\/+$/g, ''),
    timeout: flags.timeout,
    retries: flags.retries,
  };
}

function toCredentials(flags: DiscoveryFlags, env: NodeJS.ProcessEnv): DiscoverOptions['credentials'] {
  const basicFlags = flags.user !== undefined || flags.password !== undefined;
  if (flags.token !== undefined && basicFlags) {
    throw new CliError('cli.credentials', 'give either --user/--password or --token, not both');
  }
  // Flags win over the environment; in the environment a token wins over user and password.
  if (flags.token !== undefined && flags.token !== '') return { token: flags.token };
  if (basicFlags) return basic(flags.user ?? env['LIFERAY_USER'], flags.password ?? env['LIFERAY_PASSWORD']);
  const token = env['LIFERAY_TOKEN'];
  if (token !== undefined && token !== '') return { token };
  return basic(env['LIFERAY_USER'], env['LIFERAY_PASSWORD']);
}

function basic(user: string | undefined, password: string | undefined): DiscoverOptions['credentials'] {
  if (user === undefined && password === undefined) return undefined;
  if (user === undefined || password === undefined) {
    throw new CliError(
      'cli.credentials',
      'HTTP Basic needs both a user and a password: give the password with --password-stdin or LIFERAY_PASSWORD (on a terminal, --user alone asks for it)',
    );
  }
  return { user, password };
}
