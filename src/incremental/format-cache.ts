/**
 * Formatted text cached by content: the key is a hash of prettier's identity and options, the parser and the
 * unformatted text, so a hit can never be wrong. A regeneration after a small portal change formats only what
 * changed. Entries live in a Store under `<cacheDir>/format/`.
 */
import { storeKey, type Store } from './store.js';

export class FormatCache {
  readonly #store: Store;
  readonly #salt: string;

  constructor(store: Store, salt: string) {
    this.#store = store;
    this.#salt = salt;
  }

  key(text: string, parser: string): string {
    return storeKey('format 1', this.#salt, parser, text);
  }

  get(key: string): string | undefined {
    return this.#store.read(key);
  }

  set(key: string, formatted: string): void {
    this.#store.write(key, formatted);
  }
}
