/**
 * What `discover --json` must print for a document, computed straight from its JSON (never through the
 * builder's parsers): the format from its top-level keys, services as distinct first path segments,
 * actions as entries, models as distinct described types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './run-cli.js';

export interface RawDocument {
  readonly contextName?: string;
  readonly context?: string;
  readonly version?: string;
  readonly services?: readonly { readonly path: string; readonly name?: string; readonly id?: string }[];
  readonly actions?: readonly { readonly path: string }[];
  readonly types?: readonly { readonly type: string }[];
}

export interface ContextCounts {
  readonly name: string;
  readonly services: number;
  readonly actions: number;
  readonly models: number;
}

export interface Summary {
  readonly format: string;
  readonly portalVersion: string | null;
  readonly contexts: ContextCounts[];
}

export function readFixture(fixture: string): { readonly text: string; readonly document: RawDocument } {
  const text = readFileSync(join(projectRoot, fixture), 'utf8');
  return { text, document: JSON.parse(text) as RawDocument };
}

export function formatOf(document: RawDocument): string {
  if (document.actions !== undefined) return 'legacy';
  return 'contextName' in document ? '7.x' : '6.2';
}

/** The context a document describes when none is asked: its own name, or "portal" when empty. */
export function ownContext(document: RawDocument): string {
  return (document.contextName ?? document.context ?? '') || 'portal';
}

export function countsOf(document: RawDocument, name = ownContext(document)): ContextCounts {
  const actions = document.services ?? document.actions ?? [];
  return {
    name,
    services: new Set(actions.map((action) => action.path.split('/')[1])).size,
    actions: actions.length,
    models: new Set((document.types ?? []).map((type) => type.type)).size,
  };
}

/** The summary of one or more documents of one run; contexts are listed by name. */
export function summaryOf(entries: readonly { readonly document: RawDocument; readonly context?: string }[]): Summary {
  const first = entries[0]?.document ?? {};
  const contexts = entries.map(({ document, context }) => countsOf(document, context ?? ownContext(document)));
  return {
    format: formatOf(first),
    portalVersion:
      entries.map(({ document }) => document.version).find((version) => version !== undefined && version !== '') ??
      null,
    contexts: contexts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** Exactly what `--json` prints: two-space JSON and a newline. */
export function jsonOutput(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
