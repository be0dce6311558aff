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
  // The line only moves forward. Should stages overlap, the end of one never brings back the label of an
  // earlier one still running (that read as the pipeline starting over): the spinner says it is finishing.
  const running: Stage[] = [];
  const spin = (text: string) => {
    spinner.text = text;
    if (!spinner.isSpinning) spinner.start();
  };
  return {
    start(stage) {
      running.push(stage);
      spin(`${LABELS[stage]}…`);
    },
    end(stage, milliseconds) {
      const shown = running.at(-1) === stage;
      running.splice(running.lastIndexOf(stage), 1);
      spinner.success(`${LABELS[stage]} (${Math.round(milliseconds)} ms)`);
      const newest = running.at(-1);
      if (newest !== undefined) spin(shown ? 'Finishing…' : `${LABELS[newest]}…`);
    },
    stop() {
      if (spinner.isSpinning) spinner.stop();
    },
  };
}

export const NO_PROGRESS: Progress = { start() {}, end() {}, stop() {} };
