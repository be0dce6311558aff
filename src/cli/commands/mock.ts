/**
 * `liferay-sdk-builder mock`: its options. What it does is in mock-action.ts, loaded only when it runs, so
 * that no other command loads the mock portal and node:http.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { wholeNumber } from '../options.js';
import type { Reporter } from '../report.js';
import type { MockFlags } from './mock-action.js';

export function addMockCommand(program: Command, reporter: Reporter): void {
  program
    .command('mock')
    .description("serve a local imitation of a portal's JSON web services from discovery documents")
    .addOption(
      new Option(
        '--discovery <file...>',
        'discovery document(s), one per context (default: the bundled 7.x portal)',
      ).argParser(collect),
    )
    .option('--port <port>', 'port to listen on (0 picks a free one)', portNumber, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--user <user>', 'require HTTP Basic with this user')
    .option('--password <password>', 'require HTTP Basic with this password')
    .option('--latency <ms>', 'delay every answer by this many milliseconds', wholeNumber(0), 0)
    .option('--seed <n>', 'seed of the generated results', wholeNumber(0), 1)
    .option(
      '--cors <origin>',
      'answer CORS preflights and allow this origin (credentials allowed), or * (without credentials)',
    )
    .option(
      '--fixtures <file>',
      'JSON file of your own results or errors for chosen actions (path, optional parameter values) and documents',
    )
    .option('--verbose', 'print stack traces')
    .action(async (flags: MockFlags) => {
      const { runMock } = await import('./mock-action.js');
      await runMock(flags, reporter);
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
