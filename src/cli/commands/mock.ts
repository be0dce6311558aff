/**
 * `liferay-sdk-builder mock`: serve a local imitation of a portal's JSON web services from discovery
 * documents until SIGINT or SIGTERM, printing the URL on stdout and one line per request on stderr.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { startMockPortal } from '../../mock/index.js';
import { wholeNumber } from '../options.js';
import type { Reporter } from '../report.js';

interface MockFlags {
  readonly discovery?: string[];
  readonly port: number;
  readonly host: string;
  readonly user?: string;
  readonly password?: string;
  readonly latency: number;
  readonly seed: number;
  readonly verbose?: boolean;
}

export function addMockCommand(program: Command, reporter: Reporter): void {
  program
    .command('mock')
    .description("serve a local imitation of a portal's JSON web services from discovery documents")
    .addOption(new Option('--discovery <file...>', 'discovery document(s), one per context (default: the bundled 7.x portal)').argParser(collect))
    .option('--port <port>', 'port to listen on (0 picks a free one)', portNumber, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--user <user>', 'require HTTP Basic with this user')
    .option('--password <password>', 'require HTTP Basic with this password')
    .option('--latency <ms>', 'delay every answer by this many milliseconds', wholeNumber(0), 0)
    .option('--seed <n>', 'seed of the generated results', wholeNumber(0), 1)
    .option('--verbose', 'print stack traces')
    .action(async (flags: MockFlags) => {
      reporter.verbose = flags.verbose === true;
      reporter.addSecret(flags.password);
      const portal = await startMockPortal({
        ...(flags.discovery === undefined ? {} : { discovery: flags.discovery }),
        ...(flags.user === undefined ? {} : { user: flags.user }),
        ...(flags.password === undefined ? {} : { password: flags.password }),
        port: flags.port,
        host: flags.host,
        latency: flags.latency,
        seed: flags.seed,
        onRequest: (line) => reporter.info(line),
      });
      reporter.result(`Mock portal listening on ${portal.url}`);
      const signal = await stopSignal();
      await portal.close();
      reporter.info(`mock portal stopped (${signal})`);
    });
}

/** Resolves on the first SIGINT or SIGTERM, then stops listening for both so the process can exit. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function portNumber(text: string): number {
  const port = wholeNumber(0)(text);
  if (port > 65_535) throw new InvalidArgumentError(`expected a port from 0 to 65535, got "${text}".`);
  return port;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
