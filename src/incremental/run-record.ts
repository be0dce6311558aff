/**
 * The record of the last successful run of one command (one per run slot, under `<cacheDir>/runs/`): its
 * key, what it reported, and a digest of what the generator owns in each output folder. A later run with the
 * same key whose output folders still have those digests would write exactly what is there: it can stop
 * right after discovery and report the recorded summary. A record that is missing, unreadable, corrupt or
 * of another shape is no record: the run simply runs. Records live in a Store (by the run's slot) under
 * `<cacheDir>/runs/`, which keeps the most recently used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Api } from '../model/types.js';
import { hashTree } from './hash-tree.js';
import type { RunIdentity } from './run-key.js';
import type { Store } from './store.js';

/** A generated package's context, place, name and counts. */
export interface PackageFigures {
  readonly context: string;
  /** The output folder, absolute. */
  readonly out: string;
  readonly name: string;
  readonly services: number;
  readonly methods: number;
  readonly actions: number;
  readonly models: number;
}

/** What a run reports about one package: the CLI's summary line and `--json` output. */
export interface PackageSummary extends PackageFigures {
  /** How many files the package has (the generator's marker not counted). */
  readonly files: number;
  /** The version in its package.json. */
  readonly version: string;
}

export interface RunSummary extends Pick<Api, 'format' | 'portalVersion'> {
  readonly packages: readonly PackageSummary[];
}

/** An output folder as written: its top-level entries the generator owns (see ownedEntries). */
export interface WrittenOutput {
  readonly out: string;
  readonly owned: readonly string[];
}

interface RecordedOutput extends WrittenOutput {
  readonly digest: string;
}

interface RunRecord {
  readonly version: typeof RECORD_VERSION;
  readonly key: string;
  readonly summary: RunSummary;
  readonly outputs: readonly RecordedOutput[];
}

const RECORD_VERSION = 2;

export type UpToDate =
  { readonly upToDate: true; readonly summary: RunSummary } | { readonly upToDate: false; readonly reason: string };

/** Whether the recorded run of `identity` left output folders that are still exactly as it wrote them. */
export function checkUpToDate(store: Store, identity: RunIdentity): UpToDate {
  const record = readRecord(store, identity);
  if (record === undefined) return { upToDate: false, reason: 'no record of an earlier run of this command' };
  if (record.key !== identity.key)
    return { upToDate: false, reason: 'the documents, the options, the templates or the generator changed' };
  const changed = record.outputs.find((output) => outputDigest(output.out, output.owned) !== output.digest);
  if (changed !== undefined) return { upToDate: false, reason: `the generated files in ${changed.out} changed` };
  return { upToDate: true, summary: record.summary };
}

/** Records a run whose outputs are now on disk as it generated them; failures only cost the next run time. */
export function saveRunRecord(
  store: Store,
  identity: RunIdentity,
  summary: RunSummary,
  outputs: readonly WrittenOutput[],
): void {
  const record: RunRecord = {
    version: RECORD_VERSION,
    key: identity.key,
    summary,
    outputs: outputs.map(({ out, owned }) => ({ out, owned: [...owned].sort(), digest: outputDigest(out, owned) })),
  };
  store.write(identity.slot, JSON.stringify(record));
}

/**
 * A digest of what the generator owns in `out`: the listing of those entries (recursively) with every file's
 * bytes. A folder that is missing, or has leftovers of an interrupted write beside it (which a run would clean
 * up), gets a digest no record holds.
 */
export function outputDigest(out: string, owned: readonly string[]): string {
  const folder = resolve(out);
  try {
    const prefix = `.${basename(folder)}.staging-`;
    if (readdirSync(dirname(folder)).some((name) => name.startsWith(prefix))) return 'interrupted write';
    if (!statSync(folder).isDirectory()) return 'not a folder';
    const hash = createHash('sha256');
    const ownedNames = new Set(owned);
    hashTree(hash, folder, { include: (entry, depth) => depth > 0 || ownedNames.has(entry.name) });
    return hash.digest('hex');
  } catch {
    return 'unreadable';
  }
}

function readRecord(store: Store, identity: RunIdentity): RunRecord | undefined {
  try {
    const record: unknown = JSON.parse(store.read(identity.slot) ?? 'null');
    return isRunRecord(record) ? record : undefined;
  } catch {
    return undefined;
  }
}

function isRunRecord(value: unknown): value is RunRecord {
  if (!isObject(value) || value['version'] !== RECORD_VERSION || typeof value['key'] !== 'string') return false;
  const { summary, outputs } = value;
  if (
    !isObject(summary) ||
    typeof summary['format'] !== 'string' ||
    !(summary['portalVersion'] === null || typeof summary['portalVersion'] === 'string')
  )
    return false;
  if (!Array.isArray(summary['packages']) || !summary['packages'].every(isPackageSummary)) return false;
  return Array.isArray(outputs) && outputs.every(isRecordedOutput);
}

function isPackageSummary(value: unknown): value is PackageSummary {
  return (
    isObject(value) &&
    ['context', 'out', 'name', 'version'].every((field) => typeof value[field] === 'string') &&
    ['services', 'methods', 'actions', 'models', 'files'].every((field) => Number.isSafeInteger(value[field]))
  );
}

function isRecordedOutput(value: unknown): value is RecordedOutput {
  return (
    isObject(value) &&
    typeof value['out'] === 'string' &&
    typeof value['digest'] === 'string' &&
    Array.isArray(value['owned']) &&
    value['owned'].every((name) => typeof name === 'string')
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
