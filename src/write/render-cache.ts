/**
 * Finished files, rendered and formatted, by what decides them: the generator (code, bundled templates,
 * libraries), the override templates, the template and the file's view. A service whose view did not change
 * is then neither rendered nor formatted again. One file per entry under `<cacheDir>/render/<build>/`, where
 * <build> names the generator's identity: entries of earlier builds can never be hit again, so only the
 * folders of the few most recently used builds are kept. No file carries a fact about the whole run (those
 * are in liferay-sdk.json), so an entry is exactly the file its view makes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How many generator builds keep their entries: a few, for switching between checkouts or templates. */
export const KEPT_BUILDS = 4;

export class RenderCache {
  readonly #root: string;
  readonly #dir: string;
  readonly #salt: string;
  #used = false;
  /** The package view is shared by several files: its text is made once. */
  readonly #texts = new WeakMap<object, string>();

  constructor(cacheDir: string, salt: string) {
    this.#root = join(cacheDir, 'render');
    this.#dir = join(this.#root, createHash('sha256').update(salt).digest('hex').slice(0, 16));
    this.#salt = salt;
  }

  key(template: string, view: object): string {
    let text = this.#texts.get(view);
    if (text === undefined) {
      text = JSON.stringify(view);
      this.#texts.set(view, text);
    }
    return createHash('sha256').update(`${this.#salt}\0${template}\0`).update(text).digest('hex');
  }

  /** The finished file of `key`; undefined when missing, unreadable or damaged. */
  get(key: string): string | undefined {
    this.#markUsed();
    let entry: string;
    try {
      entry = readFileSync(this.#path(key), 'utf8');
    } catch {
      return undefined;
    }
    const match = /^([0-9a-f]{64})\n/.exec(entry);
    if (match === null) return undefined;
    const text = entry.slice(match[0].length);
    return checksum(text) === match[1] ? text : undefined;
  }

  set(key: string, formatted: string): void {
    this.#markUsed();
    const path = this.#path(key);
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      // Written beside and renamed: a killed run never leaves half an entry.
      const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, `${checksum(formatted)}\n${formatted}`);
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  /** Once per run: this build's folder becomes the most recently used, and the least recent beyond KEPT_BUILDS go. */
  #markUsed(): void {
    if (this.#used) return;
    this.#used = true;
    try {
      mkdirSync(this.#dir, { recursive: true });
      const now = new Date();
      utimesSync(this.#dir, now, now);
      const builds = readdirSync(this.#root).map((name) => {
        const path = join(this.#root, name);
        return { path, time: path === this.#dir ? Infinity : statSync(path).mtimeMs };
      });
      for (const old of builds.sort((a, b) => b.time - a.time).slice(KEPT_BUILDS)) rmSync(old.path, { recursive: true, force: true });
    } catch {
      // An unwritable cache only costs time.
    }
  }

  #path(key: string): string {
    return join(this.#dir, key.slice(0, 2), key);
  }
}

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
