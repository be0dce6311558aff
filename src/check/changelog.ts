/**
 * The package's CHANGELOG.md: one entry per regeneration that changed the API, newest first, with the
 * version, the portal's version and the classified changes. A new entry goes right before the first
 * entry already there (the first line starting with `## `); every byte of the file around it is kept, the
 * user's edits included.
 */
import type { ApiChange } from './api-changes.js';
import type { ChangeClass } from './semver.js';

export interface ChangelogEntry {
  readonly version: string;
  readonly portalVersion: string | null;
  readonly generatorVersion: string;
  /** Undefined for the first version of a package. */
  readonly changes: readonly ApiChange[] | undefined;
  /** For the first version: what the package holds. */
  readonly summary: string;
}

const HEAD =
  '# Changelog\n\n' +
  "liferay-sdk-builder adds an entry on top each time a regeneration changes this package's API, classified as\n" +
  'semantic versioning: major (breaking), minor (additions), patch (no type changed). Entries already here are\n' +
  'kept exactly as they are, edits included.\n';

const SECTIONS: readonly (readonly [ChangeClass, string])[] = [
  ['major', 'Breaking changes (major)'],
  ['minor', 'Additions (minor)'],
  ['patch', 'Other changes (patch)'],
];

/** `existing` with `entry` inserted before its newest entry (a new file when there is none). */
export function addChangelogEntry(existing: string | undefined, entry: ChangelogEntry): string {
  const text = formatEntry(entry);
  if (existing === undefined) return `${HEAD}\n${text}`;
  const first = /^## /m.exec(existing);
  if (first !== null) return `${existing.slice(0, first.index)}${text}\n${existing.slice(first.index)}`;
  return `${existing}${existing.endsWith('\n') ? '' : '\n'}${existing.trim() === '' ? '' : '\n'}${text}`;
}

/** The file of a package whose API has not changed since an earlier generator, which kept no changelog. */
export function emptyChangelog(): string {
  return HEAD;
}

function formatEntry(entry: ChangelogEntry): string {
  const from = `From Liferay ${markdownText(entry.portalVersion ?? '(version unknown)')}, by liferay-sdk-builder ${markdownText(entry.generatorVersion)}.`;
  const lines = [`## ${markdownText(entry.version)}`, '', from];
  if (entry.changes === undefined) {
    lines.push('', `First version: ${markdownText(entry.summary)}`);
  } else {
    for (const [semver, title] of SECTIONS) {
      const listed = entry.changes.filter((change) => change.semver === semver);
      if (listed.length > 0)
        lines.push('', `### ${title}`, '', ...listed.map((change) => `- ${markdownText(change.message)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Names and type text as plain Markdown text: no emphasis, code, links, HTML or headings. */
export function markdownText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&');
}
