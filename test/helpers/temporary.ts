/**
 * Every temporary folder a test makes comes from here, under the system's temp folder, and is removed after
 * the test file (setup-temporary.ts registers that for every file), so that a run leaves none behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export async function temporaryFolder(prefix = 'lsb-test-'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

export function temporaryFolderSync(prefix = 'lsb-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

/** Removes every folder made so far (done after each test file; call it earlier to free space). */
export function removeTemporaryFolders(): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
