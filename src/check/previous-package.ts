/**
 * The committed package in an output folder, as the next generation starts from it: its version (from
 * package.json), its changelog, its provenance (liferay-sdk.json) and the files its API is read from. A
 * folder with no package is a new package; a package whose version cannot be read is an error, never a
 * silent restart at 1.0.0.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Layout } from '../render/layout.js';
import { PROVENANCE_FILE, type Provenance } from '../render/provenance.js';
import { WriteError } from '../write/write-error.js';
import { MARKER_FILE } from '../write/write-package.js';
import type { PackageSources, SourceText } from './api-surface.js';
import { validVersion } from './semver.js';

export const CHANGELOG_FILE = 'CHANGELOG.md';

export interface PreviousPackage {
  readonly out: string;
  /** package.json's version, a valid semantic version; undefined only when `--package-version` pins it. */
  readonly version: string | undefined;
  /** CHANGELOG.md as it is, byte for byte; undefined when there is none. */
  readonly changelog: string | undefined;
  /** liferay-sdk.json, when it is there and readable (packages of earlier generators have none). */
  readonly provenance: Partial<Provenance> | undefined;
  readonly sources: PackageSources;
}

/** Files that make a folder a package: without any of them, the folder is new (or empty). */
const PACKAGE_FILES = ['package.json', CHANGELOG_FILE, PROVENANCE_FILE, 'src', 'dist'];
/** The same for `--layout sources`, whose folder holds what a package's src/ holds. */
const SOURCES_FILES = [PROVENANCE_FILE, 'index.ts', 'services'];

/** Sources have no version or changelog of their own: only their API (read as a package's src/) and provenance. */
async function readPreviousSources(out: string, entries: ReadonlySet<string>): Promise<PreviousPackage> {
  return {
    out,
    version: undefined,
    changelog: undefined,
    provenance: entries.has(PROVENANCE_FILE) ? await readProvenance(join(out, PROVENANCE_FILE)) : undefined,
    sources: await readSources(out, ''),
  };
}

/**
 * Undefined for a new package: no folder, one with none of a package's files, or one the generator did not
 * make (no marker: writing refuses it, and its files are not a package to follow on from).
 */
export async function readPreviousPackage(
  out: string,
  pinned: boolean,
  layout: Layout = 'package',
): Promise<PreviousPackage | undefined> {
  if (!existsSync(out) || !statSync(out).isDirectory()) return undefined;
  const entries = new Set(await readdir(out));
  if (layout === 'sources')
    return entries.has(MARKER_FILE) && SOURCES_FILES.some((name) => entries.has(name))
      ? readPreviousSources(out, entries)
      : undefined;
  if (!entries.has(MARKER_FILE) || !PACKAGE_FILES.some((name) => entries.has(name))) return undefined;
  return {
    out,
    version: pinned ? undefined : await readVersion(out, entries.has('package.json')),
    changelog: entries.has(CHANGELOG_FILE) ? await readFile(join(out, CHANGELOG_FILE), 'utf8') : undefined,
    provenance: entries.has(PROVENANCE_FILE) ? await readProvenance(join(out, PROVENANCE_FILE)) : undefined,
    sources: await readSources(out),
  };
}

async function readVersion(out: string, present: boolean): Promise<string> {
  const fix = 'restore it, or give the version with --package-version';
  if (!present)
    throw new WriteError(
      'write.no-version',
      `${out} holds a generated package without a package.json to take its version from: ${fix}`,
    );
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(out, 'package.json'), 'utf8'));
  } catch (error) {
    throw new WriteError(
      'write.no-version',
      `${join(out, 'package.json')} cannot be read as JSON (${error instanceof Error ? error.message : String(error)}): ${fix}`,
    );
  }
  const version =
    typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
  const valid = validVersion(version);
  if (valid === undefined) {
    throw new WriteError(
      'write.no-version',
      `${join(out, 'package.json')} has version ${JSON.stringify(version) ?? 'none'}, not a semantic version such as 1.4.2: fix it, or give --package-version`,
    );
  }
  return valid;
}

/** A damaged provenance file is as good as none: it only tells which generator made the package. */
async function readProvenance(path: string): Promise<Partial<Provenance> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * TypeScript sources when the package has them, else (`--emit js`) its declarations. `root` '' reads the
 * sources layout, whose files are named as a package's src/ holds them, so that both compare alike.
 */
async function readSources(out: string, root?: ''): Promise<PackageSources> {
  const typescript = root === '' || existsSync(join(out, 'src'));
  const [folder, extension] = root === '' ? ['', '.ts'] : typescript ? ['src/', '.ts'] : ['dist/', '.d.ts'];
  const named = root === '' ? 'src/' : folder;
  const read = async (path: string): Promise<SourceText | undefined> =>
    existsSync(join(out, folder, path))
      ? { path: `${named}${path}`, text: await readFile(join(out, folder, path), 'utf8') }
      : undefined;
  const list = async (sub: string): Promise<string[]> =>
    existsSync(join(out, folder, sub))
      ? (await readdir(join(out, folder, sub)))
          .filter((name) => name.endsWith(extension) && (typescript || name.endsWith('.d.ts')))
          .sort()
      : [];
  const services = new Map<string, SourceText>();
  for (const name of await list('services')) {
    const stem = name.slice(0, -extension.length);
    const source = stem === 'index' ? undefined : await read(`services/${name}`);
    if (source !== undefined) services.set(stem, source);
  }
  const runtime: SourceText[] = [];
  for (const name of await list('runtime')) {
    const source = await read(`runtime/${name}`);
    if (source !== undefined) runtime.push(source);
  }
  return { services, models: await read(`models${extension}`), runtime };
}
