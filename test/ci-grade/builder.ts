/**
 * Runs the real CLI (`node bin/liferay-sdk-builder.js`, over `dist/`) with the environment under the test's
 * control: TZ, locale and NO_COLOR/CI can be set or removed, which `runCli` of the CLI tests does not allow.
 * Every LIFERAY_* variable of the test process is removed, so credentials come only from the test.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../cli/run-cli.js';

export { projectRoot, removeTemporaryFolders, snapshotFolder, temporaryFolder } from '../cli/run-cli.js';

export const bin = join(projectRoot, 'bin', 'liferay-sdk-builder.js');

export interface Run {
  readonly code: number | null;
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
}

export function runBuilder(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return runNode([bin, ...args], options);
}

/** `node <args>` with the same environment rules, e.g. to import a generated package from plain Node. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const unset = new Set(options.unset ?? []);
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('LIFERAY_') && !unset.has(name));
  const env = { ...Object.fromEntries(inherited), ...(unset.has('NO_COLOR') ? {} : { NO_COLOR: '1' }), ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { cwd: options.cwd ?? projectRoot, env, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    // Always there: stdout and stderr are pipes (only stdin varies, which widens the type).
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      child.stdin?.destroy();
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Each file under `folder` (relative path) with its bytes and modification time: what "writes nothing" compares. */
export async function folderState(folder: string): Promise<Map<string, { readonly mtimeMs: number; readonly bytes: Buffer }>> {
  const state = new Map<string, { mtimeMs: number; bytes: Buffer }>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    state.set(path.slice(folder.length + 1), { mtimeMs: info.mtimeMs, bytes: entry.isFile() ? await readFile(path) : Buffer.alloc(0) });
  }
  return new Map([...state].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The files of a generated package, relative, sorted, without the generator's marker file. */
export async function packageFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1))
    .filter((path) => path !== '.liferay-sdk-builder')
    .sort();
}
