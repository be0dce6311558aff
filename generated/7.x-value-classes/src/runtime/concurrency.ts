/** Concurrency: the most requests a session keeps in flight at once (`maxConcurrency`). */

/** Keeps at most `max` requests in flight; the others wait their turn in arrival order. */
export class ConcurrencyLimit {
  readonly #max: number;
  readonly #waiting: (() => void)[] = [];
  #active = 0;

  constructor(max: number) {
    this.#max = max;
  }

  /** Resolves when a slot is free; each acquire must be followed by one release. */
  acquire(): Promise<void> | undefined {
    if (this.#active < this.#max) {
      this.#active++;
      return undefined;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    // The slot passes straight to the next waiter, so the count stays the same.
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}
