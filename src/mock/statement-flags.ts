/**
 * Flags, as JSONWebServiceInvokerAction sets them: before a nested statement runs on a result (each element
 * of a list result), every statement not yet run whose flag names that result's statement takes the named
 * property as the flag's parameter. So a flag may name any enclosing named statement, and where two
 * enclosing statements share a name, the nearer one wins. What a flag may name differs by version:
 * - 6.0/6.1 (legacy documents): `$name.a.b`, a property path, read with jodd's BeanUtil;
 * - 6.2: the same, and an inner statement (`entries.$author`) also reads its parent's result as `$parent.x`;
 * - 7.x: only `$name.property`, one level; a longer path sets nothing (so the parameter is missing).
 * A property of a null result fails with a NullPointerException, a missing one with jodd's BeanException.
 */
import type { DiscoveryFormat } from '../discovery/formats/types.js';
import { isObject, type Statement } from './read-commands.js';
import { missingProperty, nullResult } from './portal-fault.js';

/** What flags are looked up in: the request's statements so far, and how to read a result. */
export interface FlagScope {
  readonly statements: readonly Statement[];
  readonly executed: ReadonlySet<Statement>;
  readonly format: DiscoveryFormat;
  /** Whether a value is a map the invoker made (a missing key then fails as a map's, not a bean's). */
  readonly isMap: (value: object) => boolean;
}

/**
 * Sets the flags naming `name` from `result`, in every statement that has not run yet (6.0/6.1 also set
 * them in statements that have: harmless, they do not run again).
 */
export function populateFlags(name: string | undefined, result: unknown, scope: FlagScope): void {
  const { statements, executed, format } = scope;
  if (name === undefined) return;
  const prefix = `${name}.`;
  const dot = name.indexOf('.');
  // An inner statement renames its parent "$group.entries"; its flags may still name "$group.".
  const pushedPrefix = dot < 0 ? undefined : name.slice(0, dot + 1);
  for (const statement of statements) {
    if (format !== 'legacy' && executed.has(statement)) continue;
    for (const { parameter, reference } of statement.flags) {
      if (reference === null) continue;
      const rest = reference.slice(prefix.length);
      if (reference.startsWith(prefix) && (format !== '7.x' || !rest.includes('.'))) {
        statement.flagValues.set(parameter, readProperty(result, rest, scope.isMap));
      } else if (
        format !== 'legacy' &&
        statement.pushTarget !== undefined &&
        pushedPrefix !== undefined &&
        reference.startsWith(pushedPrefix)
      ) {
        statement.flagValues.set(
          parameter,
          readProperty(statement.pushTarget, reference.slice(pushedPrefix.length), scope.isMap),
        );
      }
    }
  }
}

/** A property (or a dotted path) of a result, as jodd's BeanUtil reads a bean or a map. */
export function readProperty(bean: unknown, path: string, isMap: (value: object) => boolean = () => false): unknown {
  let value = bean;
  for (const property of path.split('.')) {
    if (value === null || value === undefined) throw nullResult();
    if (!isObject(value) || !(property in value)) throw missingProperty(property, isObject(value) && isMap(value));
    value = value[property];
  }
  return value;
}
