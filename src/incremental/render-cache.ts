/**
 * Finished sections, rendered and formatted, by what decides them: the generator (code, bundled templates,
 * libraries), the override templates, the template and the section's view. A service whose view did not
 * change is then neither rendered nor formatted again. No file carries a fact about the whole run (those are
 * in liferay-sdk.json), so an entry is exactly the section its view makes.
 *
 * The sections of one context's package are kept together, as one pack in a Store under `<cacheDir>/render/`
 * (keyed by the generator's identity and the context's name): a cold run of a large portal writes one file
 * instead of one per section (about 700 for a 7.3 portal, which held the write stage up by the disk), and a
 * warm one reads one. A pack keeps the sections used by its last few runs, so that a project generated from
 * two portals, or two projects with a context of the same name, still find their sections after each other.
 * The generator's identity is part of the key, so packs of earlier builds are never read and age out.
 */
import { storeKey, type Store } from './store.js';

/** A section goes from its pack once this many runs in a row have not used it. */
const KEPT_RUNS = 3;
const PACK_HEADER = 'render pack 1';

interface PackEntry {
  readonly text: string;
  /** The last run that used it (the pack counts its runs). */
  readonly run: number;
}

interface Pack {
  readonly run: number;
  readonly entries: ReadonlyMap<string, PackEntry>;
}

export class RenderCache {
  readonly #store: Store;
  readonly #salt: string;
  readonly #packKey: string;
  /** The package view is shared by several files: its text is made once. */
  readonly #texts = new WeakMap<object, string>();
  #read: Pack | undefined;
  /** The sections this run used or made. */
  readonly #used = new Map<string, string>();
  #missed = false;

  constructor(store: Store, salt: string, context: string) {
    this.#store = store;
    this.#salt = salt;
    this.#packKey = storeKey(PACK_HEADER, salt, context);
  }

  key(template: string, view: object): string {
    let text = this.#texts.get(view);
    if (text === undefined) {
      text = JSON.stringify(view);
      this.#texts.set(view, text);
    }
    return storeKey('render 3', this.#salt, template, text);
  }

  /** The finished section of `key`; undefined when missing (or the pack is damaged). */
  get(key: string): string | undefined {
    const text = this.#pack().entries.get(key)?.text;
    if (text === undefined) this.#missed = true;
    else this.#used.set(key, text);
    return text;
  }

  set(key: string, formatted: string): void {
    this.#used.set(key, formatted);
  }

  /**
   * At the end of a run: stores the pack with this run's sections and those used in the last few runs, unless
   * it would hold what it holds (every section was found and every one it had was used).
   */
  commit(): void {
    const read = this.#pack();
    if (!this.#missed && this.#used.size === read.entries.size) return;
    const run = read.run + 1;
    const kept = new Map<string, PackEntry>();
    for (const [key, text] of this.#used) kept.set(key, { text, run });
    for (const [key, entry] of read.entries) {
      if (!kept.has(key) && entry.run > run - KEPT_RUNS) kept.set(key, entry);
    }
    this.#store.write(this.#packKey, serializePack({ run, entries: kept }));
  }

  #pack(): Pack {
    this.#read ??= parsePack(this.#store.read(this.#packKey));
    return this.#read;
  }
}

const EMPTY: Pack = { run: 0, entries: new Map() };

/** `render pack 1 <run>`, then per entry a line `<key> <run> <length>` and the section's text. */
export function serializePack(pack: Pack): string {
  const parts = [`${PACK_HEADER} ${pack.run}\n`];
  for (const [key, entry] of pack.entries) parts.push(`${key} ${entry.run} ${entry.text.length}\n`, entry.text);
  return parts.join('');
}

/** A pack's entries; an empty pack for a missing entry or text of any other shape (a pack only saves time). */
export function parsePack(text: string | undefined): Pack {
  if (text === undefined) return EMPTY;
  let end = text.indexOf('\n');
  const header = /^render pack 1 (\d+)$/.exec(text.slice(0, end));
  if (header === null) return EMPTY;
  const entries = new Map<string, PackEntry>();
  while (end + 1 < text.length) {
    const start = end + 1;
    end = text.indexOf('\n', start);
    const line = /^([0-9a-f]{64}) (\d+) (\d+)$/.exec(text.slice(start, end === -1 ? undefined : end));
    if (end === -1 || line === null) return EMPTY;
    const length = Number(line[3]);
    if (end + 1 + length > text.length) return EMPTY;
    entries.set(line[1] as string, { text: text.slice(end + 1, end + 1 + length), run: Number(line[2]) });
    end += length;
  }
  return { run: Number(header[1]), entries };
}
