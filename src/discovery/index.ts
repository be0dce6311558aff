/**
 * Discovery stage. Consumes a portal URL (or saved discovery files) and the contexts to discover; produces
 * one validated raw DiscoveryDocument per context, in the order asked, with its detected format.
 * The only stage besides write that does I/O; failures are DiscoveryErrors with one-line messages.
 */
import { buildDiscoverUrl } from './build-discover-url.js';
import { decodeDocument, type DocumentText } from './decode-document.js';
import { type DiscoverOptions, type DiscoveryPlan, planDiscovery } from './discover-options.js';
import { fetchDocument } from './fetch-document.js';
import { filterDocument } from './filter-document.js';
import type { DiscoveryDocument } from './formats/types.js';
import type { Credentials } from './portal-url.js';
import { readDocument } from './read-document.js';

export type { DiscoverOptions } from './discover-options.js';
export type { DiscoveryEvent } from './discovery-event.js';
export { DiscoveryError, type DiscoveryErrorCode } from './discovery-error.js';
export { detectFormat } from './detect-format.js';
export { redactUrl, type Credentials } from './portal-url.js';
export type * from './formats/types.js';
export { decodeDocument, type DocumentText } from './decode-document.js';
export { filterDocument } from './filter-document.js';

/** Each document decoded, validated and filtered (`filter`), in the order asked. */
export async function discoverDocuments(options: DiscoverOptions): Promise<DiscoveryDocument[]> {
  return discover(options, (text) => filterDocument(decodeDocument(text), options.filter));
}

/**
 * The documents' text exactly as read or fetched, not yet decoded (nor filtered): what `generate` hashes to
 * tell whether anything changed since its last run, before it spends time on parsing and validating.
 */
export async function discoverTexts(options: DiscoverOptions): Promise<DocumentText[]> {
  return discover(options, (text) => text);
}

/** Each document is converted as soon as it arrives, so a bad first document fails before the next request. */
async function discover<T>(options: DiscoverOptions, convert: (text: DocumentText) => T): Promise<T[]> {
  const plan = planDiscovery(options);
  return plan.mode === 'url' ? fetchDocuments(plan, convert) : readDocuments(plan, convert);
}

async function readDocuments<T>(
  plan: Extract<DiscoveryPlan, { mode: 'file' }>,
  convert: (text: DocumentText) => T,
): Promise<T[]> {
  const documents: T[] = [];
  for (const { path, context } of plan.files) {
    plan.emit({ kind: 'read', path });
    documents.push(convert({ text: await readDocument(path), source: path, context, fromFile: true }));
  }
  return documents;
}

/** One context after the other: gentler on the portal, and events stay in order. */
async function fetchDocuments<T>(
  plan: Extract<DiscoveryPlan, { mode: 'url' }>,
  convert: (text: DocumentText) => T,
): Promise<T[]> {
  const { Agent } = await import('../undici.js');
  const dispatcher = new Agent({ connect: { timeout: plan.timeout } });
  const settings = { ...plan, dispatcher, headers: requestHeaders(plan.credentials) };
  try {
    const documents: T[] = [];
    for (const context of plan.contexts) {
      const url = buildDiscoverUrl(plan.portal, { jsonwsPath: plan.jsonwsPath, filter: plan.filter, context });
      const text = await fetchDocument(url, context, settings);
      documents.push(convert({ text, source: url.href, context }));
    }
    return documents;
  } finally {
    // Releases every socket, including one left by a failed or timed-out request.
    await dispatcher.destroy();
  }
}

function requestHeaders(credentials: Credentials | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials === undefined) return headers;
  headers['authorization'] =
    'token' in credentials
      ? `Bearer ${credentials.token}`
      : `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
  return headers;
}
