/**
 * The package's provenance file, `liferay-sdk.json`: the facts about the whole run that no generated file's
 * content depends on (the generator's version, the portal's version, a hash of the normalised discovery,
 * the runtime's hash, the command), kept in one file so that a change to them changes that file alone.
 * Every file's header points here; `generate` reads it back from the committed package (check/).
 */
import { createHash } from 'node:crypto';
import type { Api, Context } from '../model/types.js';
import { VERSION } from '../version.js';
import type { RenderedFile } from './render-package.js';

export const PROVENANCE_FILE = 'liferay-sdk.json';

export interface Provenance {
  readonly generator: 'liferay-sdk-builder';
  readonly generatorVersion: string;
  readonly portalVersion: string | null;
  readonly discoveryFormat: string;
  readonly context: string;
  /** SHA-256 of the context's normalised discovery: the same whatever order the portal lists things in. */
  readonly discoverySha256: string;
  /** SHA-256 of the runtime's sources (src/runtime/), which every package carries byte for byte. */
  readonly runtimeSha256: string;
  /** The command that made the package, credentials left out; null when made through the library's API. */
  readonly command: string | null;
  /** Where to run it, relative to the package (forward slashes). */
  readonly workingFolder: string | null;
}

export interface RecordedCommand {
  readonly command: string;
  readonly workingFolder: string;
}

export function toProvenance(
  api: Api,
  context: Context,
  runtime: readonly RenderedFile[],
  recorded: RecordedCommand | undefined,
): Provenance {
  return {
    generator: 'liferay-sdk-builder',
    generatorVersion: VERSION,
    portalVersion: api.portalVersion,
    discoveryFormat: api.format,
    context: context.name,
    discoverySha256: discoveryHash(api, context),
    runtimeSha256: runtimeHash(runtime),
    command: recorded?.command ?? null,
    workingFolder: recorded?.workingFolder ?? null,
  };
}

export function provenanceFile(provenance: Provenance): RenderedFile {
  return { path: PROVENANCE_FILE, contents: `${JSON.stringify(provenance, null, 2)}\n` };
}

/** The model without provenance of its entries (document order), so that a reordered document hashes the same. */
function discoveryHash(api: Api, context: Context): string {
  // The same text as stringifying the context with a replacer that drops every `source` key (only actions have
  // one), built by copying instead: the replacer ran for every value of the model, 60 ms on the 7.3 corpus.
  const withoutSources = {
    ...context,
    services: context.services.map((service) => ({
      ...service,
      actions: service.actions.map(({ source: _source, ...action }) => action),
    })),
  };
  const normalised = JSON.stringify(withoutSources);
  return createHash('sha256')
    .update(`${api.format}\n${api.portalVersion ?? ''}\n${normalised}`)
    .digest('hex');
}

export function runtimeHash(runtime: readonly RenderedFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...runtime].sort((a, b) => (a.path < b.path ? -1 : 1)))
    hash.update(`${file.path}\0${file.contents.length}\0`).update(file.contents);
  return hash.digest('hex');
}
