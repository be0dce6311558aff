import type { Cancellation } from './deadline.js';
import type { TransportKind } from './transport.js';

/** What one exchange of a session answered: enough to tell whether the portal refused the credentials. */
export interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  /** Releases an answer whose body will not be read (a refused download). */
  cancel?(): void;
}

/** What an attempt sends with: `touch` restarts the idle clock of a transfer. */
export interface AttemptContext {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly signal: Cancellation;
  readonly touch: () => void;
  readonly transport: TransportKind | undefined;
}

/** Sends one request of `Session.exchange` and resolves with the answer; run once, or twice after a refresh. */
export type Attempt<T extends Answer> = (context: AttemptContext) => Promise<T>;
