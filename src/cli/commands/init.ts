/**
 * `liferay-sdk-builder init`: its options. What it does is in init-action.ts, loaded only when it runs.
 */
import type { Command } from 'commander';
import { CONFIG_FILE } from '../config/config-file.js';
import type { Reporter } from '../report.js';
import type { InitFlags } from './init-action.js';

export function addInitCommand(program: Command, reporter: Reporter): void {
  program
    .command('init')
    .description(`write a commented starter ${CONFIG_FILE}`)
    .option('--config <file>', `where to write it (default ./${CONFIG_FILE})`)
    .option('--url <portal>', 'the portal URL to put in it (default http://localhost:8080)')
    .option('--force', 'replace an existing file')
    .action(async (flags: InitFlags) => {
      const { runInit } = await import('./init-action.js');
      await runInit(flags, reporter);
    });
}
