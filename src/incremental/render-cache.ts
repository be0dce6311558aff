/**
 * Finished sections, rendered and formatted, by what decides them: the generator (code, bundled templates,
 * libraries), the override templates, the template and the section's view. A service whose view did not
 * change is then neither rendered nor formatted again. Entries live in a Store under `<cacheDir>/render/`;
 * the generator's identity is part of every key, so entries of earlier builds are never hit and age out. No
 * file carries a fact about the whole run (those are in liferay-sdk.json), so an entry is exactly the
 * section its view makes.
 */
import { storeKey, type Store } from './store.js';

export class RenderCache {
  readonly #store: Store;
  readonly #salt: string;
  /** The package view is shared by several files: its text is made once. */
  readonly #texts = new WeakMap<object, string>();

  constructor(store: Store, salt: string) {
    this.#store = store;
    this.#salt = salt;
  }

  key(template: string, view: object): string {
    let text = this.#texts.get(view);
    if (text === undefined) {
      text = JSON.stringify(view);
      this.#texts.set(view, text);
    }
    return storeKey('render 3', this.#salt, template, text);
  }

  /** The finished section of `key`; undefined when missing or damaged. */
  get(key: string): string | undefined {
    return this.#store.read(key);
  }

  set(key: string, formatted: string): void {
    this.#store.write(key, formatted);
  }
}
