/**
 * One command's parameters as the portal collects them (JSONWebServiceActionParametersMap.put): `-name` is
 * null, `+name` (optionally `+name:Class`) asks for a default instance and names its class, `name:Class`
 * names a class, `name.key` sets a property of the object `name` without naming `name` itself, and
 * `serviceContext` is always present, so a ServiceContext parameter may be left out.
 */

/** The portal's Void.TYPE marker: "create a default instance of the parameter's class". */
export const DEFAULT_INSTANCE: unique symbol = Symbol('default instance');

export interface CommandParameters {
  /** The names the portal matches overloads on. */
  readonly names: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, unknown>;
  /** `name.key` values, by the base name. */
  readonly inner: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
  /** Class names from `+name: Class`, `+name:Class` and `name:Class`. */
  readonly typeHints: ReadonlyMap<string, string>;
}

export function readCommandParameters(entries: Iterable<readonly [string, unknown]>): CommandParameters {
  const values = new Map<string, unknown>([['serviceContext', DEFAULT_INSTANCE]]);
  const inner = new Map<string, Map<string, unknown>>();
  const typeHints = new Map<string, string>();
  for (const [rawKey, rawValue] of entries) {
    const { key, value, typeHint } = readKey(rawKey, rawValue);
    if (typeHint !== undefined) typeHints.set(key, typeHint);
    const dot = key.indexOf('.');
    if (dot < 0) {
      values.set(key, value);
      continue;
    }
    const base = key.slice(0, dot);
    inner.set(base, (inner.get(base) ?? new Map<string, unknown>()).set(key.slice(dot + 1), value));
  }
  return { names: new Set(values.keys()), values, inner, typeHints };
}

function readKey(key: string, value: unknown): { key: string; value: unknown; typeHint?: string } {
  const colon = key.indexOf(':');
  if (key.startsWith('-')) return { key: key.slice(1), value: null };
  if (key.startsWith('+')) {
    if (colon >= 0) return { key: key.slice(1, colon), value: DEFAULT_INSTANCE, typeHint: key.slice(colon + 1).trim() };
    if (value === null || value === undefined || value === '') return { key: key.slice(1), value: DEFAULT_INSTANCE };
    return {
      key: key.slice(1),
      value: DEFAULT_INSTANCE,
      typeHint: (typeof value === 'string' ? value : JSON.stringify(value)).trim(),
    };
  }
  if (colon >= 0) {
    const empty = value === null || value === undefined || value === '';
    return { key: key.slice(0, colon), value: empty ? DEFAULT_INSTANCE : value, typeHint: key.slice(colon + 1).trim() };
  }
  return { key, value };
}

/** The value given for a declared parameter; 7.x matches names ignoring case, 6.x exactly. */
export function parameterValue(parameters: CommandParameters, name: string, ignoreCase: boolean): unknown {
  return lookUp(parameters.values, name, ignoreCase);
}

/** The class a `+name: Class`, `+name:Class` or `name:Class` key named for a declared parameter. */
export function parameterTypeHint(
  parameters: CommandParameters,
  name: string,
  ignoreCase: boolean,
): string | undefined {
  return lookUp(parameters.typeHints, name, ignoreCase);
}

function lookUp<T>(map: ReadonlyMap<string, T>, name: string, ignoreCase: boolean): T | undefined {
  if (map.has(name) || !ignoreCase) return map.get(name);
  const lower = name.toLowerCase();
  for (const [key, value] of map) if (key.toLowerCase() === lower) return value;
  return undefined;
}

export function hasParameter(parameters: CommandParameters, name: string, ignoreCase: boolean): boolean {
  if (parameters.names.has(name)) return true;
  if (!ignoreCase) return false;
  const lower = name.toLowerCase();
  for (const key of parameters.names) if (key.toLowerCase() === lower) return true;
  return false;
}
