/**
 * The live progress display of `generate` on a terminal: one spinner line naming the current stage. Only on
 * an interactive stderr, without NO_COLOR or CI, and not with --quiet, --json or --verbose (which print lines).
 */
import type { Stage } from '../generate-options.js';

const LABELS: Readonly<Record<Stage, string>> = {
  discovery: 'Discovering services',
  'up-to-date': 'Checking what changed',
  model: 'Building the model',
  typemap: 'Mapping types',
  render: 'Rendering services',
  format: 'Formatting',
  release: 'Comparing with the committed package',
  emit: 'Compiling to JavaScript',
  write: 'Writing the files beside the output',
  verify: 'Type-checking the package',
  swap: 'Swapping the package in',
};

export interface Progress {
  start(stage: Stage): void;
  end(stage: Stage, milliseconds: number): void;
  stop(): void;
}

export function wantsProgress(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && env['NO_COLOR'] === undefined && env['CI'] === undefined && env['TERM'] !== 'dumb';
}

/** Loads the spinner only here: runs without a terminal never pay for it. */
export async function createProgress(stream: NodeJS.WriteStream): Promise<Progress> {
  const { default: yoctoSpinner } = await import('yocto-spinner');
  const spinner = yoctoSpinner({ stream });
  // Should one stage run inside another, the spinner goes back to the outer one when the inner one ends.
  const running: Stage[] = [];
  const spin = (stage: Stage) => {
    spinner.text = `${LABELS[stage]}…`;
    if (!spinner.isSpinning) spinner.start();
  };
  return {
    start(stage) {
      running.push(stage);
      spin(stage);
    },
    end(stage, milliseconds) {
      running.splice(running.lastIndexOf(stage), 1);
      spinner.success(`${LABELS[stage]} (${Math.round(milliseconds)} ms)`);
      const still = running.at(-1);
      if (still !== undefined) spin(still);
    },
    stop() {
      if (spinner.isSpinning) spinner.stop();
    },
  };
}

export const NO_PROGRESS: Progress = { start() {}, end() {}, stop() {} };
