/**
 * `liferay-sdk-builder discover`: its options. What it does is in discover-action.ts, loaded only when it runs.
 */
import type { Command } from 'commander';
import { addDiscoveryOptions } from '../options.js';
import type { Reporter } from '../report.js';
import type { DiscoverFlags } from './discover-action.js';

export function addDiscoverCommand(program: Command, reporter: Reporter): void {
  const command = program
    .command('discover')
    .description("fetch (or read) a portal's JSON web services discovery and save or summarise it")
    .option('--out <file>', 'save the raw document(s) as pretty JSON (several contexts: <file>-<context>.json)')
    .option('--summary', 'print a table of contexts, services and actions')
    .option('--json', 'print a machine-readable summary on stdout');
  addDiscoveryOptions(command).action(async (flags: DiscoverFlags) => {
    const { runDiscover } = await import('./discover-action.js');
    await runDiscover(flags, reporter);
  });
}
