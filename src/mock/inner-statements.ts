/**
 * Inner statements (6.2 and later): `"entries.$author = /user/get-user-by-id"` nested in a statement runs on the
 * `entries` property of that statement's result, and stores its result as `author` in that property's value.
 * On a list property it runs once per element, each element getting its own `author`, and its flags may name
 * the element as `$parent.entries.x` and the parent's result as `$parent.x`. On an object property it runs
 * once, with flags naming only the parent's result. Only one level: `a.b.$c` fails.
 */
import { nullResult, PortalFault } from './portal-fault.js';
import { isObject, type Statement } from './read-commands.js';
import type { StatementRun } from './run-statements.js';
import { readProperty } from './statement-flags.js';

export interface NestedProperty {
  /** The property of the parent's result it works on. */
  readonly owner: string;
  /** Where its result goes in the property's value. */
  readonly key: string;
}

/** The property an inner statement works on; undefined for a plain nested statement ("$author"). */
export function nestedProperty(statement: Statement): NestedProperty | undefined {
  const name = statement.name ?? '';
  const index = name.indexOf('.$');
  return index < 0 ? undefined : { owner: name.slice(0, index), key: name.slice(index + 2) };
}

/**
 * Runs an inner statement on `result`, the parent's. While it goes through a list property, the portal renames
 * the parent "$parent.entries" and the statement "$author", and keeps `result` as the statement's push target.
 */
export function runInner(run: StatementRun, parent: Statement, nested: Statement, result: unknown): unknown {
  const { owner } = nestedProperty(nested) ?? { owner: '' };
  const value = readProperty(result, owner);
  const names = { parent: parent.name, nested: nested.name };
  if (!Array.isArray(value)) return run.attach(parent, nested, withProperty(result, owner, value));
  parent.name = `${parent.name ?? 'null'}.${owner}`;
  nested.name = (names.nested ?? '').slice(owner.length + 1);
  nested.pushTarget = result;
  try {
    return withProperty(result, owner, run.attachEach(parent, nested, value));
  } finally {
    parent.name = names.parent;
    nested.name = names.nested;
    nested.pushTarget = undefined;
  }
}

/** The inner statement's result added to the property's value (to each element, for a list). */
export function addInner(
  result: Record<string, unknown>,
  inner: NestedProperty,
  value: unknown,
): Record<string, unknown> {
  if (inner.owner.includes('.')) {
    throw new PortalFault(
      'java.lang.IllegalArgumentException',
      'Inner properties with more than 1 level are not supported',
    );
  }
  const owned = result[inner.owner];
  const add = (element: unknown): Record<string, unknown> => ({ ...asMap(element), [inner.key]: value });
  return { ...result, [inner.owner]: Array.isArray(owned) ? owned.map(add) : add(owned) };
}

function withProperty(result: unknown, owner: string, value: unknown): Record<string, unknown> {
  return { ...(isObject(result) ? result : {}), [owner]: value };
}

/** A result as the map the portal copies it into: objects as they are; other values have no properties. */
export function asMap(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) throw nullResult();
  return isObject(value) ? value : {};
}
