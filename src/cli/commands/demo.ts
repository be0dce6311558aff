/**
 * `liferay-sdk-builder demo`: its options. What it does is in demo-action.ts, loaded only when it runs.
 */
import type { Command } from 'commander';
import type { Reporter } from '../report.js';
import type { DemoFlags } from './demo-action.js';

export function addDemoCommand(program: Command, reporter: Reporter): void {
  program
    .command('demo')
    .description('mock portal → generate over HTTP → build → a scripted session in three call styles')
    .option('--keep', 'keep the generated package instead of deleting it')
    .action(async (flags: DemoFlags) => {
      const { runDemo } = await import('./demo-action.js');
      await runDemo(flags, reporter);
    });
}
