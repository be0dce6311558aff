/**
 * Hand-written checks of parsed JSON against the raw document shapes. A failed check throws a
 * ShapeViolation naming the field path ("services[12].parameters[3].type"), which the caller turns
 * into a DiscoveryError that also names the source.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export class ShapeViolation extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'ShapeViolation';
  }
}

/** The JSON type of a parsed value, as messages name it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return jsonTypeOf(value) === 'object';
}

export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function wrongType(path: string, expected: string, value: unknown): ShapeViolation {
  const subject = path === '' ? 'the document' : path;
  return new ShapeViolation(`${subject} must be ${article(expected)} (got ${jsonTypeOf(value)})`);
}

export function requireObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) throw wrongType(path, 'object', value);
  return value;
}

/** Reads a field of one JSON type; absent (or null, as Java serialisers write) is allowed only when optional. */
function readField(parent: JsonObject, key: string, path: string, expected: string, optional: boolean): unknown {
  const value = parent[key];
  const where = fieldPath(path, key);
  if (value === undefined || (value === null && optional)) {
    if (optional) return undefined;
    throw new ShapeViolation(`${where} is missing (expected ${article(expected)})`);
  }
  if (jsonTypeOf(value) !== expected) throw wrongType(where, expected, value);
  return value;
}

export function requireString(parent: JsonObject, key: string, path: string): string {
  return readField(parent, key, path, 'string', false) as string;
}

export function optionalString(parent: JsonObject, key: string, path: string): string | undefined {
  return readField(parent, key, path, 'string', true) as string | undefined;
}

export function optionalBoolean(parent: JsonObject, key: string, path: string): boolean | undefined {
  return readField(parent, key, path, 'boolean', true) as boolean | undefined;
}

export function requireObjectField(parent: JsonObject, key: string, path: string): JsonObject {
  return readField(parent, key, path, 'object', false) as JsonObject;
}

export function requireArray(parent: JsonObject, key: string, path: string): readonly unknown[] {
  return readField(parent, key, path, 'array', false) as readonly unknown[];
}

export function optionalArray(parent: JsonObject, key: string, path: string): readonly unknown[] | undefined {
  return readField(parent, key, path, 'array', true) as readonly unknown[] | undefined;
}

/** Checks every entry of an array as an object and maps it, passing its indexed path ("services[3]"). */
export function mapObjects<T>(
  entries: readonly unknown[],
  path: string,
  check: (entry: JsonObject, entryPath: string) => T,
): T[] {
  return entries.map((entry, index) => {
    const entryPath = `${path}[${index}]`;
    return check(requireObject(entry, entryPath), entryPath);
  });
}

export function mapStrings(entries: readonly unknown[], path: string): string[] {
  return entries.map((entry, index) => {
    if (typeof entry !== 'string') throw wrongType(`${path}[${index}]`, 'string', entry);
    return entry;
  });
}

/** Drops undefined members, so optional fields are absent rather than undefined (exactOptionalPropertyTypes). */
export function definedOnly<T extends Record<string, unknown>>(
  fields: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const result: Record<string, unknown> = {};
  // for...in rather than Object.entries: called for every parameter of a document, and without its arrays.
  for (const key in fields) if (fields[key] !== undefined) result[key] = fields[key];
  return result as { [K in keyof T]?: Exclude<T[K], undefined> };
}
