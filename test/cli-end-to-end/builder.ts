/**
 * What the end-to-end CLI tests share: the CLI run (helpers/cli.ts, as `runBuilder`), folder states and a
 * generated package's files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
export { projectRoot, removeTemporaryFolders, snapshotFolder, temporaryFolder } from '../cli/run-cli.js';

export { bin, runNode, runCli as runBuilder, type Run, type RunOptions } from '../helpers/cli.js';

/** Each file under `folder` (relative path) with its bytes and modification time: what "writes nothing" compares. */
export async function folderState(
  folder: string,
): Promise<Map<string, { readonly mtimeMs: number; readonly bytes: Buffer }>> {
  const state = new Map<string, { mtimeMs: number; bytes: Buffer }>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    state.set(path.slice(folder.length + 1), {
      mtimeMs: info.mtimeMs,
      bytes: entry.isFile() ? await readFile(path) : Buffer.alloc(0),
    });
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
