/**
 * The identity of a `generate` run, for telling that nothing changed since the last one: the documents'
 * bytes as read or fetched, the generator's build, the working folder and every option that decides what is
 * written or whether it is verified (the override templates by content). Two runs with the same key write
 * the same files; anything unknown counts, so a new option can only cost a cache miss, never a wrong answer.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { DocumentText } from '../discovery/decode-document.js';
import { redactUrl } from '../discovery/portal-url.js';
import type { GenerateOptions } from '../generate-options.js';
import { generatorBuildId } from './build-id.js';
import { hashTree } from './hash-tree.js';

export interface RunIdentity {
  /** Names the run's record: the same command in the same folder always finds the same one. */
  readonly slot: string;
  /** Everything that decides what the run writes. */
  readonly key: string;
}

/** Once the documents' bytes are known, these change neither what is written nor whether it is verified. */
const IRRELEVANT = new Set(['credentials', 'timeout', 'retries', 'retryDelay', 'incremental']);

/** Undefined when an input cannot be read (then the run simply runs). */
export function runIdentity(texts: readonly DocumentText[], options: GenerateOptions): RunIdentity | undefined {
  try {
    const slot = createHash('sha256')
      .update(`liferay-sdk-builder run 1\0${process.cwd()}\0${canonicalOptions(options)}`)
      .digest('hex');
    const hash = createHash('sha256').update(`${slot}\0${generatorIdentity(options.templates)}\0`);
    for (const { text, source, context } of texts)
      hash.update(`\0${source}\0${context ?? ''}\0${text.length}\0`).update(text);
    return { slot, key: hash.digest('hex') };
  } catch {
    return undefined;
  }
}

/** The generator and the override templates (by content): what decides a file besides its view. May throw. */
export function generatorIdentity(templates: string | undefined): string {
  const hash = createHash('sha256').update(`${generatorBuildId()}\0`);
  if (templates !== undefined)
    hashTree(hash, resolve(templates), { include: (entry) => entry.isDirectory() || entry.name.endsWith('.hbs') });
  return hash.digest('hex');
}

/** The options as sorted JSON, without callbacks, credentials and what only affects fetching. */
function canonicalOptions(options: GenerateOptions): string {
  const relevant = Object.entries(options)
    .filter(([name, value]) => !IRRELEVANT.has(name) && typeof value !== 'function')
    .map(([name, value]): [string, unknown] => [
      name,
      name === 'url' && typeof value === 'string' ? redactUrl(value) : value,
    ]);
  return JSON.stringify(Object.fromEntries(relevant), (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
}
