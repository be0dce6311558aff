/**
 * Raw discovery documents as Liferay's JSONWebServiceDiscoverAction writes them, after shape validation.
 * Only the fields the builder reads are typed; anything else a portal adds is ignored.
 */

export type DiscoveryFormat = 'legacy' | '6.2' | '7.x';

/** 6.0/6.1 portals: `?discover` answers `actions` with Java class names and a `response` type. */
export interface LegacyDocument {
  readonly basePath?: string;
  readonly discover?: readonly string[];
  readonly actions: readonly LegacyAction[];
}
export interface LegacyAction {
  readonly method?: string;
  readonly path: string;
  readonly parameters: readonly RawParameter[];
  readonly response: string;
  readonly serviceClass?: string;
  readonly name?: string;
}

/** 6.2 portals: `services` keyed by `id` ("BlogsEntry#getGroupEntries"), plugin context in `context`. */
export interface V62Document {
  readonly context?: string;
  readonly basePath?: string;
  readonly baseURL?: string;
  readonly services: readonly V62Service[];
  readonly types?: readonly RawModelType[];
  readonly version?: string;
}
export interface V62Service {
  readonly id?: string;
  readonly method?: string;
  readonly path: string;
  readonly parameters: readonly RawParameter[];
  readonly returns: RawReturns;
  readonly description?: string;
  readonly deprecated?: boolean;
}

/** 7.x portals: `services` keyed by `name`, plugin context in `contextName`, models in `types`. */
export interface V7Document {
  readonly contextName?: string;
  readonly basePath?: string;
  readonly baseURL?: string;
  readonly services: readonly V7Service[];
  readonly types?: readonly RawModelType[];
  readonly version?: string;
}
export interface V7Service {
  readonly name?: string;
  readonly method?: string;
  readonly path: string;
  readonly parameters: readonly RawParameter[];
  readonly returns: RawReturns;
  readonly description?: string;
  readonly deprecated?: boolean;
}

export interface RawParameter {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
}
export interface RawReturns {
  readonly type: string;
  readonly description?: string;
}
export interface RawModelType {
  readonly type: string;
  readonly interface?: boolean;
  readonly properties?: readonly { readonly name: string; readonly type: string }[];
}

/**
 * A validated document with its detected format and where it came from (URL without credentials, or file path).
 * `document` holds only the typed fields; `raw` is the JSON exactly as received, for saving and serving.
 */
export type DiscoveryDocument = (
  | { readonly format: 'legacy'; readonly document: LegacyDocument }
  | { readonly format: '6.2'; readonly document: V62Document }
  | { readonly format: '7.x'; readonly document: V7Document }
) & { readonly source: string; readonly context: string; readonly raw?: unknown };
