/**
 * What each `from-*` translator hands the shared normaliser: one context's entries with the format
 * differences already removed, still as raw strings. Types are parsed later, where provenance is known.
 */
import type { RawModelType, RawParameter, RawReturns } from '../discovery/formats/types.js';

export interface ContextInput {
  /** The context as the document names it; "" for the portal's own services. */
  readonly name: string;
  /** The document field `name` comes from ("contextName", "context"); absent when the caller asked for the context. */
  readonly nameField?: string;
  /** The document's file path or URL, for provenance. */
  readonly source: string;
  readonly actions: readonly ActionInput[];
  /** Model descriptions; legacy documents have none. */
  readonly models: readonly RawModelType[];
}

export interface ActionInput {
  /** "services[3]" or "actions[3]". */
  readonly entry: string;
  readonly path: string;
  readonly method?: string;
  /** The service class as the document names it ("BlogsEntry"), when it does. */
  readonly javaClass?: string;
  /** The Java method name ("getGroupEntries"), when the document gives it. */
  readonly javaName?: string;
  readonly parameters: readonly RawParameter[];
  readonly returns: RawReturns;
  readonly description?: string;
  readonly deprecated?: boolean;
}
