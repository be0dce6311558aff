/**
 * Finished sections, rendered and formatted, by what decides them: the generator (code, bundled templates,
 * libraries), the override templates, the template and the section's view. A service whose view did not
 * change is then neither rendered nor formatted again. Entries live in a Store under `<cacheDir>/render/`;
 * the generator's identity is part of every key, so entries of earlier builds are never hit and age out.
 *
 * Every file's header names a hash of its whole context's discovery (`sha256:<16 hex>`), so a change to one
 * service changes that line in every file. Keys are therefore made from the view with that hash left out, and
 * an entry keeps the hash it was made with, which a hit replaces with the current one. That is exact when the
 * hash occurs only where the header put it: not in the view's data (checked: a document would have to
 * contain its own hash), not in a template's own text (checked by the caller) and kept as it is by
 * formatting (checked before storing: prettier does not lay out two hex strings of one length differently).
 */
import type { HeaderView } from '../render/views.js';
import { storeKey, type Store } from './store.js';

export interface FileHeader {
  readonly view: HeaderView;
  /** `sha256:<hash>` as the header prints it: what differs between two versions of a context. */
  readonly token: string;
}

type View = { readonly header: HeaderView };

export class RenderCache {
  readonly #store: Store;
  readonly #salt: string;
  readonly #token: string;
  readonly #neutral: HeaderView;
  /** The package view is shared by several files: its text is made once. */
  readonly #texts = new WeakMap<object, string>();

  constructor(store: Store, salt: string, header: FileHeader) {
    this.#store = store;
    this.#salt = salt;
    this.#token = header.token;
    this.#neutral = { ...header.view, generatedBy: header.view.generatedBy.split(header.token).join('sha256:') };
  }

  /** Undefined when the section cannot be cached: its view's data contains the current hash. */
  key(template: string, view: View): string | undefined {
    let text = this.#texts.get(view);
    if (text === undefined) {
      text = JSON.stringify({ ...view, header: this.#neutral });
      this.#texts.set(view, text);
    }
    if (text.includes(this.#token)) return undefined;
    return storeKey('render 2', this.#salt, template, text);
  }

  /** The finished section of `key`, with the current hash; undefined when missing or damaged. */
  get(key: string): string | undefined {
    const entry = this.#store.read(key);
    const match = entry === undefined ? null : /^(sha256:[0-9a-f]{16})\n/.exec(entry);
    if (entry === undefined || match?.[1] === undefined) return undefined;
    return entry.slice(match[0].length).split(match[1]).join(this.#token);
  }

  /** Stores `formatted` (made from `rendered`) unless formatting moved or merged a hash. */
  set(key: string, rendered: string, formatted: string): void {
    if (count(rendered, this.#token) !== count(formatted, this.#token)) return;
    this.#store.write(key, `${this.#token}\n${formatted}`);
  }
}

function count(text: string, token: string): number {
  return text.split(token).length - 1;
}
