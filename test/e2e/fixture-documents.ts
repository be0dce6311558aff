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
] as const;

export const corpusFile = 'fixtures/corpus/portal-7.0-reconstructed.json';

interface RawAction {
  readonly path: string;
  readonly parameters: readonly { readonly name: string; readonly type: string }[];
}

/** The actions of a document in any format: `services` (6.2, 7.x) or `actions` (6.0, 6.1). */
export function documentActions(fixture: string): RawAction[] {
  const document = JSON.parse(readFileSync(join(projectRoot, fixture), 'utf8')) as { services?: RawAction[]; actions?: RawAction[] };
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
