/**
 * Reads the discovery documents the mock imitates and indexes them: each context's raw document (answered
 * as it is to discovery) and model (its actions by path, for invocation), plus every model class by name.
 */
import { decodeDocument } from '../discovery/decode-document.js';
import type { DiscoveryDocument, DiscoveryFormat } from '../discovery/formats/types.js';
import { readDocument } from '../discovery/read-document.js';
import { buildApi } from '../model/index.js';
import type { Action, Context, Model } from '../model/types.js';

export interface MockContext {
  /** "portal" for the portal's own services, else the plugin context's name. */
  readonly name: string;
  readonly document: DiscoveryDocument;
  /** The document exactly as read, with the fields the builder ignores: discovery answers it. */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly model: Context;
}

export interface MockPortalData {
  readonly format: DiscoveryFormat;
  readonly contexts: ReadonlyMap<string, MockContext>;
  /** Every action of every context by its full path; overloads in model order. */
  readonly actions: ReadonlyMap<string, readonly Action[]>;
  readonly models: ReadonlyMap<string, Model>;
}

export async function loadPortal(files: readonly string[]): Promise<MockPortalData> {
  const documents: DiscoveryDocument[] = [];
  const raws: Record<string, unknown>[] = [];
  for (const path of files) {
    const text = await readDocument(path);
    documents.push(decodeDocument({ text, source: path }));
    // decodeDocument has validated it: the text is a JSON object.
    raws.push(JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>);
  }
  return indexPortal(documents, raws);
}

function indexPortal(
  documents: readonly DiscoveryDocument[],
  raws: readonly Record<string, unknown>[],
): MockPortalData {
  const api = buildApi(documents);
  const contexts = new Map<string, MockContext>();
  const actions = new Map<string, Action[]>();
  const models = new Map<string, Model>();
  api.contexts.forEach((model) => {
    const index = documents.findIndex((candidate) => candidate.context === model.name);
    const document = documents[index];
    const raw = raws[index];
    if (document !== undefined && raw !== undefined)
      contexts.set(model.name, { name: model.name, document, raw, model });
    for (const action of model.services.flatMap((service) => service.actions)) {
      actions.set(action.path, [...(actions.get(action.path) ?? []), action]);
    }
    for (const described of model.models) models.set(described.className, described);
  });
  return { format: api.format, contexts, actions, models };
}
