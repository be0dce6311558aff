/**
 * Everything the CLI prints goes through a Reporter: stdout for results, stderr for messages, `--verbose`
 * lines only when asked. Every line is scrubbed of the run's secrets (password, token) before it is written,
 * so no code path can print one by accident.
 */
export interface Streams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export class Reporter {
  readonly #streams: Streams;
  readonly #secrets = new Set<string>();
  verbose = false;
  /** --quiet: nothing but errors (and output that was asked for, such as --json). */
  quiet = false;

  constructor(streams: Streams) {
    this.#streams = streams;
  }

  /** Registers a value that must never be printed (and its Basic-auth and URL-encoded forms). */
  addSecret(value: string | undefined): void {
    if (value === undefined || value.length === 0) return;
    this.#secrets.add(value);
    this.#secrets.add(encodeURIComponent(value));
  }

  scrub(text: string): string {
    let clean = text;
    for (const secret of this.#secrets) clean = clean.split(secret).join('***');
    return clean;
  }

  result(text: string): void {
    if (!this.quiet) this.#streams.stdout.write(`${this.scrub(text)}\n`);
  }

  json(value: unknown): void {
    this.#streams.stdout.write(`${this.scrub(JSON.stringify(value, null, 2))}\n`);
  }

  info(text: string): void {
    if (!this.quiet) this.#streams.stderr.write(`${this.scrub(text)}\n`);
  }

  warn(text: string): void {
    if (!this.quiet) this.#streams.stderr.write(`warning: ${this.scrub(text)}\n`);
  }

  error(text: string): void {
    this.#streams.stderr.write(`error: ${this.scrub(text)}\n`);
  }

  debug(text: string): void {
    if (this.verbose) this.#streams.stderr.write(`${this.scrub(text)}\n`);
  }
}
