/**
 * The discovery documents the end-to-end tests generate from, read straight from their JSON (never through
 * the builder's own parsers), so expectations are computed independently of the code under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers/project.js';

export { projectRoot };

/** Every shipped fixture, as [label, path relative to the project]. */
export const fixtureFiles = [
  ['legacy-portal', 'fixtures/discovery/legacy/portal.json'],
  ['v62-portal', 'fixtures/discovery/6.2/portal.json'],
  ['v62-calendar-portlet', 'fixtures/discovery/6.2/plugin-calendar-portlet.json'],
  ['v7-portal', 'fixtures/discovery/7.x/portal.json'],
  ['v7-calendar', 'fixtures/discovery/7.x/plugin-calendar.json'],
  ['v7-value-classes', 'fixtures/discovery/7.x/value-classes.json'],
] as const;

export const corpusFile = 'fixtures/corpus/portal-7.0-reconstructed.json';
export const corpus73File = 'fixtures/corpus/portal-7.3-reconstructed.json';

interface RawAction {
  readonly path: string;
  readonly parameters: readonly { readonly name: string; readonly type: string }[];
}

/** The actions of a document in any format: `services` (6.2, 7.x) or `actions` (6.0, 6.1). */
export function documentActions(fixture: string): RawAction[] {
  const document = JSON.parse(readFileSync(join(projectRoot, fixture), 'utf8')) as {
    services?: RawAction[];
    actions?: RawAction[];
  };
  const actions = document.services ?? document.actions;
  if (actions === undefined) throw new Error(`${fixture} has neither services nor actions`);
  return actions;
}

/**
 * Per JSON-WS path, the parameter-name lists of its overloads ("a,b,c"), sorted. Two entries with the same
 * path and the same names are one overload to a caller, so they count once.
 */
export function overloadsByPath(fixture: string): Map<string, string[]> {
  const byPath = new Map<string, Set<string>>();
  for (const action of documentActions(fixture)) {
    const names = action.parameters.map((parameter) => parameter.name).join(',');
    byPath.set(action.path, (byPath.get(action.path) ?? new Set()).add(names));
  }
  return new Map([...byPath].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, names]) => [path, [...names].sort()]));
}

/**
 * The same lists as name sets: each overload's names sorted, each set once. A caller passes one object, so
 * two overloads with the same names in another order (the 7.3 document has 9) are one signature to
 * TypeScript, which merges identical signatures; the runtime keeps both lists, and sends either the same way.
 */
export function asNameSets(overloads: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const sets = [...overloads].map(
    ([path, lists]) => [path, [...new Set(lists.map((names) => names.split(',').sort().join(',')))].sort()] as const,
  );
  return new Map(sets);
}
