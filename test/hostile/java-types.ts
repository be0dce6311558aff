/**
 * Type strings as a hostile discovery document may write them: every notation Liferay uses, nested deeply,
 * classes named like globals and runtime exports, and garbage that must be rejected with its entry named.
 */
import fc from 'fast-check';
import { hostileText } from './hostile-text.js';

const SCALARS: readonly string[] = [
  'boolean',
  'byte',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'void',
  'string',
  'file',
  'list',
  'map',
  'java.lang.String',
  'java.lang.Long',
  'java.lang.Boolean',
  'java.util.Date',
  'java.util.Locale',
  'java.lang.Object',
  'java.io.File',
  'java.io.Serializable',
  'byte[]',
  'long[]',
  'java.lang.String[]',
  '[J',
  '[B',
  '[[Z',
  '[Ljava.lang.String;',
  'com.liferay.portal.kernel.json.JSONObject',
  'com.liferay.portal.kernel.service.ServiceContext',
  // Value classes (number | string, number | Date parameters) and a Liferay enum (its name, or a wrapper).
  'java.math.BigDecimal',
  'java.math.BigInteger',
  'bigdecimal',
  'java.util.Calendar',
  'java.util.TimeZone',
  'com.liferay.document.library.kernel.model.DLVersionNumberIncrease',
];

/** Class names that are valid Java but collide with what the generated code uses. */
export const COLLIDING_CLASSES: readonly string[] = [
  'com.evil.Object',
  'com.evil.Promise',
  'com.evil.Session',
  'com.evil.ObjectWrapper',
  'com.evil.Record',
  'com.evil.ServiceContext',
  'evil.ServiceContext2',
  'com.evil.Upload',
  'com.evil.Callback',
  'com.evil.Command',
  'com.evil.Bytes',
  'com.evil.TransportKind',
  'com.evil.AutoBatchOptions',
  'com.evil.actions',
  'com.evil.__proto__',
  'com.evil.constructor',
  'com.evil.then',
  'com.evil.class',
  'com.evil.default',
  'a.Entry',
  'b.entry',
  'c.ENTRY',
  'com.evil.Outer$Inner',
  '$',
  '_',
  'com.evil.$$',
  'x.ClassService',
  'x.DefaultService',
  'x.Map',
  'x.Partial',
];

/** Strings no parser should accept as a type. */
const GARBAGE: readonly string[] = [
  '',
  ' ',
  'list<',
  'map<string>',
  'list<a,b>',
  'long<int>',
  'int[',
  '[Q',
  '[L;',
  'a..b',
  '<>',
  '*/',
  '${x}',
  '1abc',
  'java.util.List<? foo X>',
  'com.evil.Foo<>',
  'void void',
  'a-b',
  'class Foo {}',
  '"string"',
  'list<list<>>',
];

/** A well-formed type string, up to `depth` levels of generics and arrays. */
export function javaType(classes: readonly string[], depth = 3): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    fc.constantFrom(...SCALARS),
    fc.constantFrom(...COLLIDING_CLASSES),
    ...(classes.length > 0 ? [fc.constantFrom(...classes)] : []),
  );
  if (depth === 0) return leaf;
  const inner = javaType(classes, depth - 1);
  return fc.oneof(
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: inner.map((type) => `list<${type}>`) },
    { weight: 1, arbitrary: inner.map((type) => `java.util.List<${type}>`) },
    { weight: 1, arbitrary: fc.tuple(inner, inner).map(([key, value]) => `map<${key},${value}>`) },
    { weight: 1, arbitrary: fc.tuple(inner, inner).map(([key, value]) => `java.util.Map<${key}, ${value}>`) },
    { weight: 1, arbitrary: inner.filter((type) => !type.startsWith('[')).map((type) => `${type}[]`) },
    {
      weight: 1,
      arbitrary: inner.map((type) => `com.liferay.portal.kernel.util.OrderByComparator<? extends ${type}>`),
    },
  );
}

/** Nesting deeper than any portal writes: 20-40 levels of generics, or up to 20,000 array dimensions. */
const deepType: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 20, max: 40 }).map((depth) => `${'list<'.repeat(depth)}long${'>'.repeat(depth)}`),
  fc.integer({ min: 20, max: 40 }).map((depth) => `${'map<string,'.repeat(depth)}list<string>${'>'.repeat(depth)}`),
  fc.integer({ min: 30, max: 600 }).map((depth) => `long${'[]'.repeat(depth)}`),
  fc.integer({ min: 5000, max: 20000 }).map((depth) => `long${'[]'.repeat(depth)}`),
  fc.integer({ min: 30, max: 600 }).map((depth) => `${'['.repeat(depth)}J`),
);

/** Any type string: mostly well-formed, sometimes deep, unknown or garbage. */
export function hostileType(classes: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 20, arbitrary: javaType(classes) },
    { weight: 1, arbitrary: deepType },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE) },
    { weight: 1, arbitrary: hostileText },
  );
}

/** A model class name for `types`: mostly valid and colliding, sometimes garbage. */
export const modelClassName: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...COLLIDING_CLASSES) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'com.liferay.blogs.model.BlogsEntry',
      'com.evil.Map<K,V>',
      'long',
      'java.lang.String',
      'x.Y[]',
    ),
  },
  { weight: 1, arbitrary: hostileText },
);
