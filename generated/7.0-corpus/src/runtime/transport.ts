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
 * browser and React Native bundlers never follow it. Undefined when `kind` is "fetch", outside Node, or when
 * undici is not installed next to this package: fetch then does the job, without the tuned agent.
 */
export async function importUndici<T>(kind: TransportKind | undefined): Promise<T | undefined> {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (kind === 'fetch' || !node) return undefined;
  const name = 'undici';
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ name)) as T;
  } catch {
    return undefined;
  }
}

/** `connections`: the most sockets the session may open (its concurrency limit); undefined for no limit. */
export async function createTransport(url: string, kind: TransportKind | undefined, connections?: number): Promise<Transport> {
  const undici = await importUndici<UndiciModule>(kind);
  return undici ? nodeTransport(undici, url, connections) : fetchTransport(url);
}
