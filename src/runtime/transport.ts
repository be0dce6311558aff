import type { Cancellation } from './deadline.js';
import { fetchTransport } from './fetch-transport.js';
import { nodeTransport, type UndiciModule } from './node-transport.js';

/** One POST to the session's invoke URL. */
export interface TransportRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly signal: Cancellation;
}

/** The answer, fully read: the body is needed whole to parse it or to quote it in an error. */
export interface TransportResponse {
  readonly status: number;
  readonly location: string | undefined;
  readonly body: string;
}

/** Sends requests to one URL; created once per session so connections are kept alive and reused. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

/** Which HTTP client a session uses: undici in Node (the default there), else the global `fetch`. */
export type TransportKind = 'undici' | 'fetch';

/**
 * Loads undici only in Node and only at run time, through a specifier that is not a string literal, so
 * browser and React Native bundlers never follow it; without undici, falls back to `fetch`.
 */
export async function createTransport(url: string, kind: TransportKind | undefined): Promise<Transport> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (kind !== 'fetch' && node) {
    const name = 'undici';
    try {
      return nodeTransport((await import(/* webpackIgnore: true */ /* @vite-ignore */ name)) as UndiciModule, url);
    } catch {
      // undici is not installed next to this package: fetch does the job, without the tuned agent.
    }
  }
  return fetchTransport(url);
}
