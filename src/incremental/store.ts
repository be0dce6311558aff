/**
 * The one on-disk store behind every cache: text entries by key (64 hex digits), one file per entry under
 * `<folder>/<first two digits>/<key>`, each written with atomicWriteFile (a killed run, or two runs writing one
 * entry, never leave half an entry) and headed by a checksum that a read checks (a damaged entry is a miss,
 * never a wrong answer). A read marks its entry used; once per run that writes, past `maxEntries` the least
 * recently used entries go (down to 80% of it), with temporary files of killed writes. Any failure to read
 * or write is a miss: a store only ever saves time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile, TEMPORARY_FILE } from '../write/atomic-write-file.js';

const KEY = /^[0-9a-f]{64}$/;
const ENTRY_FOLDER = /^[0-9a-f]{2}$/;

export class Store {
  readonly #folder: string;
  readonly #maxEntries: number;
  readonly #writes: Promise<void>[] = [];
  /** Entry folders made (or found) in this run: each once, not once per entry. */
  readonly #folders = new Map<string, Promise<unknown>>();

  constructor(folder: string, maxEntries: number) {
    this.#folder = folder;
    this.#maxEntries = maxEntries;
  }

  /** The entry's text; undefined when missing, unreadable or damaged. */
  read(key: string): string | undefined {
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

  /** Stores `text` under `key`, in the background: `flush()` waits for every write. */
  write(key: string, text: string): void {
    const path = this.#path(key);
    const folder = join(path, '..');
    let made = this.#folders.get(folder);
    if (made === undefined) {
      // Asynchronous, as the write: a run that renders hundreds of sections is not held up by the disk.
      made = mkdir(folder, { recursive: true });
      this.#folders.set(folder, made);
    }
    const written = (async () => {
      await made;
      await atomicWriteFile(path, `${checksum(text)}\n${text}`);
    })();
    this.#writes.push(written.catch(() => undefined));
  }

  /** Waits for the writes of this run, then prunes once if there were any. */
  async flush(): Promise<void> {
    if (this.#writes.length === 0) return;
    await Promise.all(this.#writes.splice(0));
    this.#prune();
  }

  #prune(): void {
    try {
      const entries = readdirSync(this.#folder)
        .filter((folder) => ENTRY_FOLDER.test(folder))
        .flatMap((folder) => readdirSync(join(this.#folder, folder)).map((name) => join(this.#folder, folder, name)));
      const stale = entries.filter((path) => TEMPORARY_FILE.test(path) && Date.now() - mtimeOf(path) > 60_000);
      const kept = entries.filter((path) => !TEMPORARY_FILE.test(path));
      const excess = kept.length > this.#maxEntries ? kept.length - Math.floor(this.#maxEntries * 0.8) : 0;
      const oldest = kept
        .map((path) => ({ path, time: mtimeOf(path) }))
        .sort((a, b) => a.time - b.time)
        .slice(0, excess);
      for (const path of [...stale, ...oldest.map((entry) => entry.path)]) rmSync(path, { force: true });
    } catch {
      // An unreadable store only costs time.
    }
  }

  #path(key: string): string {
    if (!KEY.test(key)) throw new Error(`store: not a key: ${key}`);
    return join(this.#folder, key.slice(0, 2), key);
  }
}

/** A store key: the SHA-256 of the parts, each ended by a NUL so that no two lists of parts collide. */
export function storeKey(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Marks an entry as used now, for pruning; failing only means it may go a little early. */
function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Only a cost.
  }
}

/** An entry's time, or 0 (first to go) for one that vanished. */
function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
