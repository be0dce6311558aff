/**
 * What each Java type name means to the model: primitives, boxes, strings, files, collections. Names come
 * from Liferay's `_formatType` ("string", "list", "map"), from Java ("java.lang.Long") and from the JVM.
 */
import type { JavaType, PrimitiveName } from './types.js';

const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveName>(['boolean', 'byte', 'char', 'short', 'int', 'long', 'float', 'double']);
const BOXED: ReadonlyMap<string, PrimitiveName> = new Map<string, PrimitiveName>([
  ['java.lang.Boolean', 'boolean'], ['java.lang.Byte', 'byte'], ['java.lang.Character', 'char'], ['java.lang.Short', 'short'],
  ['java.lang.Integer', 'int'], ['java.lang.Long', 'long'], ['java.lang.Float', 'float'], ['java.lang.Double', 'double'],
  // The portal sends and accepts dates as epoch milliseconds.
  ['java.util.Date', 'long'],
]);
/** The component codes of JVM array names ("[J" is long[]). */
export const JVM_PRIMITIVES: ReadonlyMap<string, PrimitiveName> = new Map<string, PrimitiveName>([
  ['Z', 'boolean'], ['B', 'byte'], ['C', 'char'], ['S', 'short'], ['I', 'int'], ['J', 'long'], ['F', 'float'], ['D', 'double'],
]);
const SIMPLE: ReadonlyMap<string, JavaType> = new Map<string, JavaType>([
  ['string', { kind: 'string' }], ['java.lang.String', { kind: 'string' }],
  ['void', { kind: 'void' }], ['java.lang.Void', { kind: 'void' }],
  ['file', { kind: 'file' }], ['java.io.File', { kind: 'file' }],
]);
const LISTS: ReadonlySet<string> = new Set([
  'list', 'java.util.List', 'java.util.Collection', 'java.util.Set', 'java.util.ArrayList', 'java.util.LinkedList',
  'java.util.HashSet', 'java.util.LinkedHashSet', 'java.util.TreeSet', 'java.util.SortedSet',
]);
const MAPS: ReadonlySet<string> = new Set([
  'map', 'java.util.Map', 'java.util.HashMap', 'java.util.LinkedHashMap', 'java.util.TreeMap', 'java.util.SortedMap',
  'java.util.concurrent.ConcurrentHashMap',
]);
/** The type a name stands for, given its type arguments; `fail` reports a wrong argument count. */
export function resolveJavaType(name: string, typeArguments: readonly JavaType[], fail: (reason: string) => never): JavaType {
  if (LISTS.has(name)) {
    if (typeArguments.length > 1) fail(`${name} takes one type argument`);
    return { kind: 'list', element: typeArguments[0] ?? null };
  }
  if (MAPS.has(name)) {
    if (typeArguments.length === 1 || typeArguments.length > 2) fail(`${name} takes two type arguments`);
    return { kind: 'map', key: typeArguments[0] ?? null, value: typeArguments[1] ?? null };
  }
  const scalar = PRIMITIVES.has(name) ? { kind: 'primitive' as const, name: name as PrimitiveName } : scalarType(name);
  if (scalar === undefined) return { kind: 'object', className: name, typeArguments };
  if (typeArguments.length > 0) fail(`${name} takes no type arguments`);
  return scalar;
}

function scalarType(name: string): JavaType | undefined {
  const boxed = BOXED.get(name);
  return boxed === undefined ? SIMPLE.get(name) : { kind: 'primitive', name: boxed };
}

/** `byte[]` is its own kind: the portal takes and returns it as one value, not as an array of numbers. */
export function arrayOf(element: JavaType): JavaType {
  if (element.kind === 'primitive' && element.name === 'byte') return { kind: 'byteArray' };
  return { kind: 'array', element };
}
