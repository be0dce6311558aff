/**
 * What the CLI tests share: the CLI run (from helpers/cli.ts), temporary folders, and folder snapshots.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Run } from '../helpers/cli.js';
import { projectRoot } from '../helpers/project.js';

export { runCli } from '../helpers/cli.js';
export { projectRoot };

/** The CLI's result (helpers/cli.ts runs it). */
export type CliRun = Run;

export { removeTemporaryFolders, temporaryFolder } from '../helpers/temporary.js';

/** Every file under `folder` with its bytes, by relative path: compare two snapshots with toEqual. */
export async function snapshotFolder(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(folder.length + 1), await readFile(path));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
