/**
 * The one way the builder replaces a single file: written beside it under a unique temporary name, then
 * renamed over it (a rename within a folder is atomic), so a killed run or two runs at once never leave half
 * a file. On failure the temporary file is removed and the error thrown; the previous file is untouched.
 * The folder must exist: whether to create it is the caller's decision.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

export async function atomicWriteFile(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Temporary files of writes that were killed are named so: stores remove them when they prune. */
export const TEMPORARY_FILE = /\.[0-9a-f]{8}\.tmp$/;
