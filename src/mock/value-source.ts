/**
 * Deterministic numbers for the mock's answers: every value is a hash of the seed and of where the value
 * goes (entity, property, call), so the same seed and the same request always give the same answer and no
 * state is kept between requests.
 */
export class ValueSource {
  readonly #seed: number;

  constructor(seed: number) {
    this.#seed = seed;
  }

  /** A 32-bit unsigned hash of the seed and the parts (FNV-1a, then a finaliser so close inputs spread). */
  hash(...parts: readonly (string | number)[]): number {
    let hash = 0x811c9dc5;
    const text = `${this.#seed}\u0000${parts.join('\u0000')}`;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    return hash >>> 0;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number, ...parts: readonly (string | number)[]): number {
    return min + (this.hash(...parts) % (max - min + 1));
  }

  pick<T>(choices: readonly [T, ...T[]], ...parts: readonly (string | number)[]): T {
    return choices[this.hash(...parts) % choices.length] ?? choices[0];
  }
}
