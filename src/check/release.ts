/**
 * What a regeneration means for the package's users: the API changes from the committed package to the
 * new one, classified as semver, the version that follows (or the one `--package-version` pins) and the
 * changelog with its new entry. Only service modules whose text changed are compared with the checker.
 */
import semver from 'semver';
import type { Provenance } from '../render/provenance.js';
import type { RenderedFile } from '../render/render-package.js';
import { compareApis, sortChanges, type ApiChange } from './api-changes.js';
import { readApis, type PackageSources, type SourceText } from './api-surface.js';
import { addChangelogEntry, emptyChangelog } from './changelog.js';
import { CHANGELOG_FILE, type PreviousPackage } from './previous-package.js';
import { bumpVersion, highestClass, type ChangeClass, type SemverClass } from './semver.js';

export interface ReleaseInput {
  readonly previous: PreviousPackage | undefined;
  /** The new package's files, but package.json and the changelog. */
  readonly files: readonly RenderedFile[];
  readonly provenance: Provenance;
  readonly pinnedVersion: string | undefined;
  /** For a new package: its services' class names and its models, each an addition. */
  readonly contents: {
    readonly services: readonly string[];
    readonly models: readonly string[];
    readonly summary: string;
  };
}

export interface Release {
  /** The committed package's version; undefined for a new package (or when `--package-version` pins it). */
  readonly previousVersion: string | undefined;
  readonly version: string;
  readonly semver: SemverClass;
  readonly changes: readonly ApiChange[];
  readonly changelog: RenderedFile;
}

export const FIRST_VERSION = '1.0.0';

export async function planRelease(input: ReleaseInput): Promise<Release> {
  const { previous, provenance, pinnedVersion } = input;
  const entry = {
    portalVersion: provenance.portalVersion,
    generatorVersion: provenance.generatorVersion,
    summary: input.contents.summary,
  };
  if (previous === undefined) {
    const version = pinnedVersion ?? FIRST_VERSION;
    const changes = sortChanges([
      ...input.contents.services.map((name) => change('minor', 'service-added', name, `service ${name} added`)),
      ...input.contents.models.map((name) => change('minor', 'model-added', `models: ${name}`, `model ${name} added`)),
    ]);
    return {
      previousVersion: undefined,
      version,
      semver: highestClass(changes.map((entry) => entry.semver)),
      changes,
      changelog: changelogFile(addChangelogEntry(undefined, { ...entry, version, changes: undefined })),
    };
  }
  const after = packageSources(input.files);
  const runtime = runtimeChange(previous, after, provenance);
  const changes = sortChanges([
    ...compareChanged(previous.sources, after),
    ...(runtime === undefined ? [] : [runtime]),
  ]);
  const semverClass = highestClass(changes.map((entry) => entry.semver));
  const version = pinnedVersion ?? bumpVersion(previous.version ?? FIRST_VERSION, semverClass);
  const changelog =
    semverClass === 'none'
      ? (previous.changelog ?? emptyChangelog())
      : addChangelogEntry(previous.changelog, { ...entry, version, changes });
  return {
    previousVersion: previous.version,
    version,
    semver: semverClass,
    changes,
    changelog: changelogFile(changelog),
  };
}

/** The API-bearing files of a package in memory: TypeScript sources (emitting JavaScript comes later). */
function packageSources(files: readonly RenderedFile[]): PackageSources {
  const services = new Map<string, SourceText>();
  const runtime: SourceText[] = [];
  let models: SourceText | undefined;
  for (const { path, contents: text } of files) {
    const service = /^src\/services\/([^/]+)\.ts$/.exec(path)?.[1];
    if (service !== undefined && service !== 'index') services.set(service, { path, text });
    else if (path === 'src/models.ts') models = { path, text };
    else if (/^src\/runtime\/[^/]+\.ts$/.test(path)) runtime.push({ path, text });
  }
  return { services, models, runtime };
}

/** Compares, with the checker, the service modules whose text changed, and the models when any did. */
function compareChanged(before: PackageSources, after: PackageSources): ApiChange[] {
  const changed = (left: PackageSources, right: PackageSources) =>
    new Map([...left.services].filter(([stem, source]) => right.services.get(stem)?.text !== source.text));
  const servicesBefore = changed(before, after);
  const servicesAfter = changed(after, before);
  if (servicesBefore.size === 0 && servicesAfter.size === 0 && before.models?.text === after.models?.text) return [];
  return compareApis(readApis({ ...before, services: servicesBefore }, { ...after, services: servicesAfter }));
}

/**
 * The runtime is the generator's, not the portal's: a change to it is classified by the generator's own
 * version change (npm's reading: in 0.x a minor change is breaking). A package that does not say which
 * generator made it, with another runtime, counts as broken.
 */
function runtimeChange(
  previous: PreviousPackage,
  after: PackageSources,
  provenance: Provenance,
): ApiChange | undefined {
  const recorded = previous.provenance?.runtimeSha256;
  if (recorded === provenance.runtimeSha256) return undefined;
  const from = previous.provenance?.generatorVersion;
  if (recorded === undefined || typeof from !== 'string' || semver.valid(from) === null) {
    if (sameFiles(previous.sources.runtime, after.runtime)) return undefined;
    return change(
      'major',
      'runtime-changed',
      'runtime',
      'the runtime changed, and the committed package does not say which liferay-sdk-builder made it: counted as breaking',
    );
  }
  const to = provenance.generatorVersion;
  const [a, b] = [semver.parse(from), semver.parse(to)];
  const level: ChangeClass =
    a === null || b === null || a.major !== b.major || (a.major === 0 && a.minor !== b.minor)
      ? 'major'
      : a.minor !== b.minor
        ? 'minor'
        : 'patch';
  return change(level, 'runtime-changed', 'runtime', `the runtime changed with liferay-sdk-builder ${from} → ${to}`);
}

function sameFiles(before: readonly SourceText[], after: readonly SourceText[]): boolean {
  const key = (files: readonly SourceText[]) =>
    JSON.stringify([...files].sort((x, y) => (x.path < y.path ? -1 : 1)).map((file) => [file.path, file.text]));
  return key(before) === key(after);
}

function change(level: ChangeClass, kind: ApiChange['kind'], subject: string, message: string): ApiChange {
  return { semver: level, kind, subject, message };
}

function changelogFile(contents: string): RenderedFile {
  return { path: CHANGELOG_FILE, contents };
}
