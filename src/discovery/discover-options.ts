/** The options of discoverDocuments, checked and completed with their defaults into a plan. */
import type { DiscoveryEvent } from './discovery-event.js';
import { optionsError } from './discovery-failures.js';
import { type Credentials, parsePortalUrl } from './portal-url.js';

export interface DiscoverOptions {
  /** Portal base URL, e.g. http://localhost:8080; may carry a path prefix, and user:password@ as credentials. */
  readonly url?: string;
  /** Saved discovery documents instead of a URL: one file per context. */
  readonly discovery?: readonly string[];
  /** Contexts to discover; empty, absent or "portal" means the portal's own services. */
  readonly contexts?: readonly string[];
  /** Service filter: ?discover=/<filter>/* */
  readonly filter?: string;
  /** Default "api/jsonws" (6.1 portals: "api/secure/jsonws"). */
  readonly jsonwsPath?: string;
  readonly credentials?: Credentials;
  /** ms per request, headers and body; default 30000. */
  readonly timeout?: number;
  /** Further attempts after a connection failure or a 502/503/504; default 3. */
  readonly retries?: number;
  /** ms before the first retry, doubled for each next one; default 250. */
  readonly retryDelay?: number;
  /** Progress for --verbose; events never contain credentials. */
  readonly onEvent?: (event: DiscoveryEvent) => void;
}

export type DiscoveryPlan =
  | {
      readonly mode: 'url';
      readonly portal: URL;
      readonly contexts: readonly string[];
      readonly jsonwsPath: string;
      readonly filter: string | undefined;
      readonly credentials: Credentials | undefined;
      readonly timeout: number;
      readonly retries: number;
      readonly retryDelay: number;
      readonly emit: (event: DiscoveryEvent) => void;
    }
  | {
      readonly mode: 'file';
      readonly files: readonly { readonly path: string; readonly context: string | undefined }[];
      readonly emit: (event: DiscoveryEvent) => void;
    };

export function planDiscovery(options: DiscoverOptions): DiscoveryPlan {
  const emit = options.onEvent ?? (() => {});
  const contexts = (options.contexts ?? []).map((name) => name.trim().replace(/^\/+|\/+$/g, ''));
  if ((options.url === undefined) === (options.discovery === undefined)) {
    throw optionsError('Give either a portal URL or discovery files, not both and not neither.');
  }
  if (options.discovery !== undefined) return planFiles(options.discovery, contexts, emit);
  const portal = parsePortalUrl(options.url ?? '');
  return {
    mode: 'url',
    portal: portal.url,
    contexts: contexts.length === 0 ? ['portal'] : contexts.map((name) => (name === '' ? 'portal' : name)),
    jsonwsPath: options.jsonwsPath ?? 'api/jsonws',
    filter: options.filter,
    credentials: options.credentials ?? portal.credentials,
    timeout: checkNumber('timeout', options.timeout ?? 30_000, 1),
    retries: checkNumber('retries', options.retries ?? 3, 0),
    retryDelay: checkNumber('retryDelay', options.retryDelay ?? 250, 0),
    emit,
  };
}

function planFiles(
  files: readonly string[],
  contexts: readonly string[],
  emit: (event: DiscoveryEvent) => void,
): DiscoveryPlan {
  if (files.length === 0) throw optionsError('No discovery file given.');
  if (contexts.length > 0 && contexts.length !== files.length) {
    throw optionsError(
      `Got ${files.length} discovery files but ${contexts.length} contexts: give one context per file, or none.`,
    );
  }
  return { mode: 'file', files: files.map((path, index) => ({ path, context: contexts[index] })), emit };
}

function checkNumber(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw optionsError(`Invalid ${name} ${value}: expected a whole number of at least ${minimum}.`);
  }
  return value;
}
