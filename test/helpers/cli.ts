/**
 * The one way the tests run the real CLI (`node bin/liferay-sdk-builder.js`, over its bundle in dist/bin/) or
 * plain Node: a child process, run asynchronously (so a recording portal in this process keeps answering),
 * with the environment under the test's control. Every LIFERAY_* variable of the test process is removed, so
 * credentials come only from the test; NO_COLOR=1 is set unless `unset` lists it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './project.js';

export const bin = join(projectRoot, 'bin', 'liferay-sdk-builder.js');

export interface Run {
  readonly code: number | null;
  /** The signal that ended the process, when one did (a crash); undefined, which toEqual ignores, otherwise. */
  readonly signal: NodeJS.Signals | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Added to the environment (after NO_COLOR=1, which is set unless listed in `unset`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Variables removed from the environment: e.g. NO_COLOR and CI, to see what a developer's shell gets. */
  readonly unset?: readonly string[];
  /** 'pipe' keeps stdin open and empty: a command that asked a question would wait forever. */
  readonly stdin?: 'ignore' | 'pipe';
  /** Standard input's text (e.g. for --password-stdin), then its end; `stdin` is then ignored. */
  readonly input?: string;
}

/** `liferay-sdk-builder <args>`. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return runNode([bin, ...args], options);
}

/** `node <args>` with the same environment rules, e.g. to import a generated package from plain Node. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const unset = new Set(options.unset ?? []);
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('LIFERAY_') && !unset.has(name));
  const env = { ...Object.fromEntries(inherited), ...(unset.has('NO_COLOR') ? {} : { NO_COLOR: '1' }), ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], {
      cwd: options.cwd ?? projectRoot,
      env,
      stdio: [options.input === undefined ? (options.stdin ?? 'ignore') : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    // Always there: stdout and stderr are pipes (only stdin varies, which widens the type).
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child.stdin?.destroy();
      resolve({
        code,
        signal: signal ?? undefined,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
