/**
 * `--filter <service>`: only the actions whose path matches `/<service>/*`, and only the models they reach.
 * The builder asks the portal for that (`?discover=/<service>/*`), but only older portals (6.0, 6.1, early
 * 6.2) filter their answer; 7.x portals answer every service. So every document, fetched or saved, is
 * filtered here the same way: as a filtering portal would have answered, down to its `types`.
 */
import type { DiscoveryDocument, RawModelType } from './formats/types.js';
import { filterPattern, wildcard } from './wildcard.js';

interface Entry {
  readonly path: string;
  readonly parameters: readonly { readonly type: string }[];
  readonly returns?: { readonly type: string };
  readonly response?: string;
}

export function filterDocument(document: DiscoveryDocument, filter: string | undefined): DiscoveryDocument {
  if (filter === undefined || filterPattern(filter) === '/*') return document;
  const matcher = wildcard(filterPattern(filter));
  const accepts = (entry: unknown): boolean =>
    isObject(entry) && typeof entry['path'] === 'string' && matcher.test(entry['path']);
  switch (document.format) {
    case 'legacy':
      return {
        ...document,
        document: { ...document.document, actions: document.document.actions.filter(accepts) },
        raw: filterRaw(document.raw, 'actions', accepts),
      };
    case '6.2':
      return { ...document, ...keepServices(document, accepts) };
    case '7.x':
      return { ...document, ...keepServices(document, accepts) };
  }
}

interface ServicesDocument {
  readonly services: readonly Entry[];
  readonly types?: readonly RawModelType[];
}

/** 6.2 and 7.x: the accepted services, and the types they reach, in the typed and the raw document alike. */
function keepServices<D extends ServicesDocument>(
  { document, raw }: { document: D; raw?: unknown },
  accepts: (entry: unknown) => boolean,
): { document: D; raw: unknown } {
  const services = document.services.filter(accepts);
  const reached = reachableModels(services, document.types ?? []);
  const keepType = (type: unknown): boolean =>
    isObject(type) && typeof type['type'] === 'string' && reached.has(modelClass(type['type']));
  const types = document.types === undefined ? {} : { types: document.types.filter(keepType) };
  return {
    document: { ...document, services, ...types },
    raw: filterRaw(filterRaw(raw, 'services', accepts), 'types', keepType),
  };
}

/** Class names of the models the actions name, and of the models those name, and so on. */
function reachableModels(actions: readonly Entry[], models: readonly RawModelType[]): Set<string> {
  const byClass = new Map(models.map((model) => [modelClass(model.type), model]));
  const reached = new Set<string>();
  const visit = (typeText: string): void => {
    for (const name of typeText.match(/[\w$.]+/g) ?? []) {
      const model = byClass.get(name);
      if (model === undefined || reached.has(name)) continue;
      reached.add(name);
      for (const property of model.properties ?? []) visit(property.type);
    }
  };
  for (const action of actions) {
    for (const parameter of action.parameters) visit(parameter.type);
    visit(action.returns?.type ?? action.response ?? '');
  }
  return reached;
}

function modelClass(type: string): string {
  return type.replace(/<[\s\S]*$/, '').trim();
}

/** The same entries dropped from the document as received, so that `discover --out` saves what was kept. */
function filterRaw(raw: unknown, key: string, keep: (entry: unknown) => boolean): unknown {
  if (!isObject(raw) || !Array.isArray(raw[key])) return raw;
  return { ...raw, [key]: (raw[key] as unknown[]).filter(keep) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
