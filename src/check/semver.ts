/**
 * Semantic versioning of a generated package: the class of an API change as an app feels it, and the
 * package version that follows from it (1.4.2 → 2.0.0 major, 1.5.0 minor, 1.4.3 patch; none keeps it).
 */
import semver from 'semver';

/** How an app feels a change: major breaks it, minor adds, patch changes no type. */
export type ChangeClass = 'major' | 'minor' | 'patch';
/** The class of a whole set of changes: its highest, or none. */
export type SemverClass = ChangeClass | 'none';

const RANK: Readonly<Record<SemverClass, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

export const CHANGE_CLASSES: readonly ChangeClass[] = ['major', 'minor', 'patch'];

/** The highest class of `classes` (none for none). */
export function highestClass(classes: Iterable<SemverClass>): SemverClass {
  let highest: SemverClass = 'none';
  for (const entry of classes) if (RANK[entry] > RANK[highest]) highest = entry;
  return highest;
}

/** Whether `found` is `threshold` or higher. */
export function reaches(found: SemverClass, threshold: ChangeClass): boolean {
  return RANK[found] >= RANK[threshold];
}

/** Sorts changes most breaking first. */
export function byClass(a: SemverClass, b: SemverClass): number {
  return RANK[b] - RANK[a];
}

/** A version string as npm reads it, or undefined when it is not one. */
export function validVersion(version: unknown): string | undefined {
  return typeof version === 'string' ? (semver.valid(version) ?? undefined) : undefined;
}

/**
 * The version after a change of class `change`: semver's own increments (a prerelease of the next major
 * becomes that major, build metadata is dropped). A 0.x version is bumped the same way (0.3.1 → 1.0.0 for
 * a breaking change), so that a CI job can read the class from the version alone.
 */
export function bumpVersion(version: string, change: SemverClass): string {
  if (change === 'none') return version;
  const bumped = semver.inc(version, change);
  if (bumped === null) throw new Error(`cannot bump "${version}"`);
  return bumped;
}
