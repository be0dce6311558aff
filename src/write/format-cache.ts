/**
 * Formatted text cached by content: the key is a hash of prettier's version, the options, the parser and the
 * unformatted text, so a hit can never be wrong. A regeneration after a small portal change formats only what
 * changed. One file per entry under the user's cache folder: written beside and renamed (a killed run, or two
 * runs writing one entry, never leave half an entry), with a checksum that a read checks (a damaged entry is a
 * miss, never a wrong file). Entries a run uses are touched, and past MAX_ENTRIES the least recently used go.
 * Failures to read or write the cache are ignored: it only saves time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'liferay-sdk-builder', 'format');
}

/** Entries kept: the full-size corpus makes about 300, so this holds many versions of several portals (~100 MB at most). */
export const MAX_ENTRIES = 20_000;
/** Entry folders are named by the first two hex digits of the key. */
const ENTRY_FOLDER = /^[0-9a-f]{2}$/;
const ENTRY = /^[0-9a-f]{64}$/;

export class FormatCache {
  readonly #dir: string;
  readonly #salt: string;
  readonly #maxEntries: number;
  #pruned = false;

  constructor(dir: string, salt: string, maxEntries = MAX_ENTRIES) {
    this.#dir = dir;
    this.#salt = salt;
    this.#maxEntries = maxEntries;
  }

  key(text: string, parser: string): string {
    return createHash('sha256').update(this.#salt).update('\0').update(parser).update('\0').update(text).digest('hex');
  }

  /** The formatted text of `key`; undefined when missing, unreadable or damaged. */
  get(key: string): string | undefined {
    const path = this.#path(key);
    let entry: string;
    try {
      entry = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const newline = entry.indexOf('\n');
    const text = entry.slice(newline + 1);
    if (newline !== 64 || entry.slice(0, 64) !== checksum(text)) return undefined;
    touch(path);
    return text;
  }

  set(key: string, formatted: string): void {
    const path = this.#path(key);
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, `${checksum(formatted)}\n${formatted}`);
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written only costs time.
    }
    this.#pruneOnce();
  }

  /** Once per run that writes: past the limit, the least recently used entries go, down to 80% of it. */
  #pruneOnce(): void {
    if (this.#pruned) return;
    this.#pruned = true;
    try {
      const entries = readdirSync(this.#dir)
        .filter((folder) => ENTRY_FOLDER.test(folder))
        .flatMap((folder) => readdirSync(join(this.#dir, folder)).map((name) => join(this.#dir, folder, name)));
      if (entries.length <= this.#maxEntries) return;
      const byAge = entries.map((path) => ({ path, time: mtimeOf(path) })).sort((a, b) => a.time - b.time);
      for (const old of byAge.slice(0, entries.length - Math.floor(this.#maxEntries * 0.8))) rmSync(old.path, { force: true });
    } catch {
      // An unreadable cache only costs time.
    }
  }

  #path(key: string): string {
    if (!ENTRY.test(key)) throw new Error(`format cache: not a key: ${key}`);
    return join(this.#dir, key.slice(0, 2), key);
  }
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Marks an entry as used now, for pruning. */
function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Pruning may then take it a little early: only a cost.
  }
}

/** An entry's time, or 0 (first to go) for one that vanished or a temporary file left by a killed run. */
function mtimeOf(path: string): number {
  try {
    return path.endsWith('.tmp') ? 0 : statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
