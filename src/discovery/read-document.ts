/** Reads a saved discovery document (one file per context) as text. */
import { readFile } from 'node:fs/promises';
import { fileError } from './discovery-failures.js';

export async function readDocument(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw fileError(path, typeof code === 'string' ? code : 'unreadable', error);
  }
}
