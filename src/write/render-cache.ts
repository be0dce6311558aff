/**
 * Finished files, rendered and formatted, by what decides them: the generator (code, bundled templates,
 * libraries), the override templates, the template and the file's view. A service whose view did not change
 * is then neither rendered nor formatted again. One file per entry under `<cacheDir>/render/<build>/`, where
 * <build> names the generator's identity: entries of earlier builds can never be hit again, so only the
 * folders of the few most recently used builds are kept.
 *
 * Every file's header names a hash of its whole context's discovery (`sha256:<16 hex>`), so a change to one
 * service changes that line in every file. Keys are therefore made from the view with that hash left out, and
 * an entry keeps the hash it was made with, which a hit replaces with the current one. That is exact when the
 * hash occurs only where the header put it: not in the view's data (checked: a document would have to
 * contain its own hash), not in a template's own text (checked by the caller) and kept as it is by
 * formatting (checked before storing: prettier does not lay out two hex strings of one length differently).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeaderView } from '../render/views.js';

export interface FileHeader {
  readonly view: HeaderView;
  /** `sha256:<hash>` as the header prints it: what differs between two versions of a context. */
  readonly token: string;
}

type View = { readonly header: HeaderView };

/** How many generator builds keep their entries: a few, for switching between checkouts or templates. */
export const KEPT_BUILDS = 4;

export class RenderCache {
  readonly #root: string;
  readonly #dir: string;
  readonly #salt: string;
  #used = false;
  readonly #token: string;
  readonly #neutral: HeaderView;
  /** The package view is shared by several files: its text is made once. */
  readonly #texts = new WeakMap<object, string>();

  constructor(cacheDir: string, salt: string, header: FileHeader) {
    this.#root = join(cacheDir, 'render');
    this.#dir = join(this.#root, createHash('sha256').update(salt).digest('hex').slice(0, 16));
    this.#salt = salt;
    this.#token = header.token;
    this.#neutral = { ...header.view, generatedBy: header.view.generatedBy.split(header.token).join('sha256:') };
  }

  /** Undefined when the file cannot be cached: its view's data contains the current hash. */
  key(template: string, view: View): string | undefined {
    let text = this.#texts.get(view);
    if (text === undefined) {
      text = JSON.stringify({ ...view, header: this.#neutral });
      this.#texts.set(view, text);
    }
    if (text.includes(this.#token)) return undefined;
    return createHash('sha256').update(`${this.#salt}\0${template}\0`).update(text).digest('hex');
  }

  /** The finished file of `key`, with the current hash; undefined when missing, unreadable or damaged. */
  get(key: string): string | undefined {
    this.#markUsed();
    let entry: string;
    try {
      entry = readFileSync(this.#path(key), 'utf8');
    } catch {
      return undefined;
    }
    const match = /^(sha256:[0-9a-f]{16}) ([0-9a-f]{64})\n/.exec(entry);
    if (match?.[1] === undefined) return undefined;
    const text = entry.slice(match[0].length);
    if (checksum(text) !== match[2]) return undefined;
    return text.split(match[1]).join(this.#token);
  }

  /** Stores `formatted` (made from `rendered`) unless formatting moved or merged a hash. */
  set(key: string, rendered: string, formatted: string): void {
    if (count(rendered, this.#token) !== count(formatted, this.#token)) return;
    this.#markUsed();
    const path = this.#path(key);
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      // Written beside and renamed: a killed run never leaves half an entry.
      const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, `${this.#token} ${checksum(formatted)}\n${formatted}`);
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

function count(text: string, token: string): number {
  return text.split(token).length - 1;
}
