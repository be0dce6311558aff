/**
 * Questions on a terminal: a line of text (init), or a secret typed with echo off (a password). Ctrl+C and
 * Ctrl+D (end of input) cancel the question, as they cancel a shell's `read`: the command then ends quietly
 * with the interrupt status, never as an internal error.
 */
import { createInterface } from 'node:readline';
import MuteStream from 'mute-stream';
import { CliError } from './cli-error.js';

/** Where the question is asked: a terminal's input, and the stream the question and echo go to. */
export interface PromptStreams {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/** Ctrl+C or Ctrl+D at a question: the CLI exits 130 and prints nothing more. */
export class PromptCancelled extends CliError {
  constructor() {
    super('cli.cancelled', 'cancelled');
  }
}

export const TERMINAL: PromptStreams = { input: process.stdin, output: process.stderr };

/** Whether questions can be asked: input and output both on a terminal. */
export function canAsk({ input, output }: PromptStreams): boolean {
  return (input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true;
}

/** The answer, without its line break; `secret` turns echo off while it is typed. */
export function ask(
  question: string,
  { secret = false, streams = TERMINAL }: { readonly secret?: boolean; readonly streams?: PromptStreams } = {},
): Promise<string> {
  // readline echoes what is typed to its output: muting that output is how echo is turned off.
  const echo = new MuteStream();
  echo.pipe(streams.output, { end: false });
  const readline = createInterface({ input: streams.input, output: echo, terminal: true });
  return new Promise((resolve, reject) => {
    let answer: string | undefined;
    readline.on('line', (line) => {
      answer = line;
      readline.close();
    });
    // Ctrl+C: readline reports it here rather than as a signal, since it holds the terminal in raw mode.
    readline.on('SIGINT', () => readline.close());
    readline.on('close', () => {
      // A muted Enter left the cursor after the question; so did a cancel. Move on to a fresh line.
      if (secret || answer === undefined) streams.output.write('\n');
      if (answer === undefined) reject(new PromptCancelled());
      else resolve(answer);
    });
    readline.setPrompt(question);
    readline.prompt();
    if (secret) echo.mute();
  });
}
