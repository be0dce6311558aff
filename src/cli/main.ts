/**
 * The CLI: builds the commander program, runs it, and maps every failure to one line on stderr and a
 * documented exit code. The only place in the builder that decides how the process exits.
 */
import { Command, CommanderError } from 'commander';
import { BuilderError } from '../errors.js';
import { VERSION } from '../version.js';
import { addDemoCommand } from './commands/demo.js';
import { addDiscoverCommand } from './commands/discover.js';
import { addGenerateCommand } from './commands/generate.js';
import { addInitCommand } from './commands/init.js';
import { addMockCommand } from './commands/mock.js';
import { ExitCode, exitCodeOf } from './exit-codes.js';
import { Reporter, type Streams } from './report.js';

export function buildProgram(reporter: Reporter): Command {
  const program = new Command('liferay-sdk-builder')
    .description("Generate typed TypeScript clients for a Liferay portal's JSON web services")
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => reporter.result(text.trimEnd()),
      writeErr: (text) => reporter.info(text.trimEnd()),
    });
  addDiscoverCommand(program, reporter);
  addGenerateCommand(program, reporter);
  addInitCommand(program, reporter);
  addMockCommand(program, reporter);
  addDemoCommand(program, reporter);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: readonly string[], streams: Streams = process): Promise<number> {
  const reporter = new Reporter(streams);
  let code: number = ExitCode.ok;
  try {
    await buildProgram(reporter).parseAsync([...argv]);
  } catch (error) {
    code = exitCodeFor(error, reporter);
  }
  return code;
}

function exitCodeFor(error: unknown, reporter: Reporter): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (through the reporter); help and version are not failures.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  // The user cancelled a question (prompt.ts): nothing went wrong, so nothing is printed.
  if (error instanceof BuilderError && error.code === 'cli.cancelled') return exitCodeOf(error.code);
  if (error instanceof BuilderError) {
    reporter.error(error.message);
    if (reporter.verbose && error.stack !== undefined) reporter.info(error.stack);
    return exitCodeOf(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  reporter.error(
    `internal error: ${message}. This is a liferay-sdk-builder bug; please report it with the output of --verbose.`,
  );
  if (reporter.verbose && error instanceof Error && error.stack !== undefined) reporter.info(error.stack);
  return ExitCode.internal;
}
