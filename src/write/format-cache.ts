/**
 * Formatted text cached by content: the key is a hash of prettier's version, the options, the parser and the
 * unformatted text, so a hit can never be wrong. A regeneration after a small portal change formats only what
 * changed. One file per entry under the user's cache folder; failures to read or write it are ignored.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'liferay-sdk-builder', 'format');
}

export class FormatCache {
  readonly #dir: string;
  readonly #salt: string;

  constructor(dir: string, salt: string) {
    this.#dir = dir;
    this.#salt = salt;
  }

  key(text: string, parser: string): string {
    return createHash('sha256').update(this.#salt).update('\0').update(parser).update('\0').update(text).digest('hex');
  }

  get(key: string): string | undefined {
    try {
      return readFileSync(join(this.#dir, key.slice(0, 2), key), 'utf8');
    } catch {
      return undefined;
    }
  }

  set(key: string, formatted: string): void {
    try {
      mkdirSync(join(this.#dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(join(this.#dir, key.slice(0, 2), key), formatted);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
