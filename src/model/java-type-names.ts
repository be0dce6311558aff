/**
 * What each Java type name means to the model: primitives, boxes, strings, files, collections, JDK value classes
 * (BigDecimal, Date, Locale, ...) and other classes. Names come from Liferay's `_formatType` ("string", "list",
 * "map", "bigdecimal"), from Java ("java.lang.Long") and from the JVM.
 */
import type { JavaType, PrimitiveName, ValueClassKind } from './types.js';

const PRIMITIVES: ReadonlySet<string> = new Set<PrimitiveName>([
  'boolean',
  'byte',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
]);
const BOXED: ReadonlyMap<string, PrimitiveName> = new Map<string, PrimitiveName>([
  ['java.lang.Boolean', 'boolean'],
  ['java.lang.Byte', 'byte'],
  ['java.lang.Character', 'char'],
  ['java.lang.Short', 'short'],
  ['java.lang.Integer', 'int'],
  ['java.lang.Long', 'long'],
  ['java.lang.Float', 'float'],
  ['java.lang.Double', 'double'],
  // 7.x documents name a Number parameter "number"; the portal passes the parsed JSON number through.
  ['number', 'double'],
  ['java.lang.Number', 'double'],
]);
/**
 * JDK classes the portal converts from a plain value (JSONWebServiceActionImpl and jodd's TypeConverterManager):
 * numbers from their text, dates from milliseconds (Calendar by GetterUtil.getLong), text by the class's parser.
 */
const VALUE_CLASSES: ReadonlyMap<string, ValueClassKind> = new Map<string, ValueClassKind>([
  ['java.math.BigDecimal', 'decimal'],
  ['java.math.BigInteger', 'integer'],
  ['java.util.Date', 'date'],
  ['java.util.Calendar', 'date'],
  ['java.util.GregorianCalendar', 'date'],
  ['java.sql.Date', 'date'],
  ['java.sql.Timestamp', 'date'],
  ['java.util.Locale', 'text'],
  ['java.util.TimeZone', 'text'],
  ['java.lang.CharSequence', 'text'],
  ['java.lang.Class', 'text'],
  ['java.net.URL', 'text'],
  ['java.net.URI', 'text'],
]);
/** 7.x documents write a Number subclass's simple name in lower case. */
const LOWER_CASE_NUMBERS: ReadonlyMap<string, string> = new Map([
  ['bigdecimal', 'java.math.BigDecimal'],
  ['biginteger', 'java.math.BigInteger'],
]);
/** Other JDK classes: the portal gets their plain JSON value (the Mobile SDK wraps only com.liferay classes). */
const JDK_PACKAGE = /^javax?\./;
/** The component codes of JVM array names ("[J" is long[]). */
export const JVM_PRIMITIVES: ReadonlyMap<string, PrimitiveName> = new Map<string, PrimitiveName>([
  ['Z', 'boolean'],
  ['B', 'byte'],
  ['C', 'char'],
  ['S', 'short'],
  ['I', 'int'],
  ['J', 'long'],
  ['F', 'float'],
  ['D', 'double'],
]);
const SIMPLE: ReadonlyMap<string, JavaType> = new Map<string, JavaType>([
  ['string', { kind: 'string' }],
  ['java.lang.String', { kind: 'string' }],
  ['void', { kind: 'void' }],
  ['java.lang.Void', { kind: 'void' }],
  ['file', { kind: 'file' }],
  ['java.io.File', { kind: 'file' }],
]);
const LISTS: ReadonlySet<string> = new Set([
  'list',
  'java.util.List',
  'java.util.Collection',
  'java.util.Set',
  'java.util.ArrayList',
  'java.util.LinkedList',
  'java.util.HashSet',
  'java.util.LinkedHashSet',
  'java.util.TreeSet',
  'java.util.SortedSet',
]);
const MAPS: ReadonlySet<string> = new Set([
  'map',
  'java.util.Map',
  'java.util.HashMap',
  'java.util.LinkedHashMap',
  'java.util.TreeMap',
  'java.util.SortedMap',
  'java.util.concurrent.ConcurrentHashMap',
]);
/** The type a name stands for, given its type arguments; `fail` reports a wrong argument count. */
export function resolveJavaType(
  name: string,
  typeArguments: readonly JavaType[],
  fail: (reason: string) => never,
): JavaType {
  if (LISTS.has(name)) {
    if (typeArguments.length > 1) fail(`${name} takes one type argument`);
    return { kind: 'list', element: typeArguments[0] ?? null };
  }
  if (MAPS.has(name)) {
    if (typeArguments.length === 1 || typeArguments.length > 2) fail(`${name} takes two type arguments`);
    return { kind: 'map', key: typeArguments[0] ?? null, value: typeArguments[1] ?? null };
  }
  const scalar = PRIMITIVES.has(name) ? { kind: 'primitive' as const, name: name as PrimitiveName } : scalarType(name);
  if (scalar === undefined) return classType(name, typeArguments);
  if (typeArguments.length > 0) fail(`${name} takes no type arguments`);
  return scalar;
}

function scalarType(name: string): JavaType | undefined {
  const boxed = BOXED.get(name);
  return boxed === undefined ? SIMPLE.get(name) : { kind: 'primitive', name: boxed };
}

/** A value class whatever its type arguments (`java.lang.Class<?>`, `java.util.Optional<T>`), else an object. */
function classType(name: string, typeArguments: readonly JavaType[]): JavaType {
  const className = LOWER_CASE_NUMBERS.get(name) ?? name;
  const value = VALUE_CLASSES.get(className) ?? (JDK_PACKAGE.test(className) ? 'json' : undefined);
  return value === undefined ? { kind: 'object', className, typeArguments } : { kind: 'value', className, value };
}

/** `byte[]` is its own kind: the portal takes and returns it as one value, not as an array of numbers. */
export function arrayOf(element: JavaType): JavaType {
  if (element.kind === 'primitive' && element.name === 'byte') return { kind: 'byteArray' };
  return { kind: 'array', element };
}
