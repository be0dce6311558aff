/**
 * The CLI on a real pseudo-terminal (util-linux `script`), answering its questions: each answer is typed once
 * the output shows the text it answers, so nothing is typed before the program listens (no waiting on time).
 * What the terminal showed (the program's output and the terminal's echo of what was typed) comes back.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin', 'liferay-sdk-builder.js');

export const terminalAvailable = process.platform === 'linux' && existsSync('/usr/bin/script');

export interface Answer {
  /** Typed once the output shows this. */
  readonly after: string;
  /** What is typed: text, "\r" for Enter, "\u0003" for Ctrl+C, "\u0004" for Ctrl+D. */
  readonly type: string;
}

export interface TerminalRun {
  readonly code: number | null;
  /** What the terminal showed, escape sequences removed, lines ending in \n. */
  readonly screen: string;
}

export function runInTerminal(
  args: readonly string[],
  options: {
    readonly cwd?: string;
    readonly env?: Readonly<Record<string, string>>;
    readonly answers?: readonly Answer[];
  } = {},
): Promise<TerminalRun> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(LIFERAY_|NO_COLOR$|CI$|FORCE_COLOR$)/.test(name),
  );
  const env = { ...Object.fromEntries(inherited), TERM: 'xterm-256color', NO_COLOR: '1', ...options.env };
  const pending = [...(options.answers ?? [])];
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: options.cwd ?? root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let answeredUpTo = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const next = pending[0];
      const at = next === undefined ? -1 : output.indexOf(next.after, answeredUpTo);
      if (next === undefined || at === -1) return;
      pending.shift();
      answeredUpTo = at + next.after.length;
      child.stdin.write(next.type);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      child.stdin.destroy();

      resolve({ code, screen: output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r+\n/g, '\n') });
    });
  });
}
