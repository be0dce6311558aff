/**
 * Bigger discovery documents for the scaling figures: the corpus with every service entry copied under a
 * renamed service (`/blogsentry/...` → `/blogsentry2/...`, `BlogsEntry#x` → `BlogsEntry2#x`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ServiceEntry {
  readonly name?: string;
  readonly path: string;
  readonly [key: string]: unknown;
}

interface CorpusDocument {
  readonly services: readonly ServiceEntry[];
  readonly [key: string]: unknown;
}

export function replicateCorpus(document: CorpusDocument, times: number): CorpusDocument {
  const services: ServiceEntry[] = [...document.services];
  for (let copy = 2; copy <= times; copy++) services.push(...document.services.map((entry) => renamed(entry, copy)));
  return { ...document, services };
}

function renamed(entry: ServiceEntry, copy: number): ServiceEntry {
  // "/calendar.calendarbooking/get-x": the first segment names the service (with its context).
  const path = entry.path.replace(/^(\/[^/]+)/, `$1${copy}`);
  const name = entry.name?.replace(/^([^#]+)#/, `$1${copy}#`);
  return name === undefined ? { ...entry, path } : { ...entry, path, name };
}

/** Writes the corpus replicated `times` times to `<cacheDir>/corpus-<times>x.json`; returns its path. */
export function writeReplicatedCorpus(corpus: string, cacheDir: string, times: number): string {
  const document = JSON.parse(readFileSync(corpus, 'utf8')) as CorpusDocument;
  const file = join(cacheDir, `corpus-${times}x.json`);
  writeFileSync(file, JSON.stringify(replicateCorpus(document, times), null, 1));
  return file;
}
