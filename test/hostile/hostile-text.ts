/**
 * Hostile text for every string field of a discovery document: names that collide with what generated code
 * uses, payloads that try to leave a comment, a string literal or a line, and unicode that looks harmless.
 * Every payload that could run sets `globalThis.__injected`, which the load test watches.
 */
import fc from 'fast-check';

/** JS/TS keywords, globals, object internals and names the generated package itself exports or uses. */
export const COLLIDING_NAMES: readonly string[] = [
  'class',
  'delete',
  'default',
  'new',
  'function',
  'return',
  'await',
  'yield',
  'let',
  'static',
  'enum',
  'interface',
  'type',
  'declare',
  'readonly',
  'keyof',
  'infer',
  'get',
  'set',
  'of',
  'in',
  'arguments',
  'eval',
  'undefined',
  'null',
  'NaN',
  'Infinity',
  'constructor',
  '__proto__',
  'prototype',
  'then',
  'catch',
  'finally',
  'toString',
  'valueOf',
  'toJSON',
  'hasOwnProperty',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
  'Object',
  'Promise',
  'Array',
  'Record',
  'Partial',
  'Readonly',
  'Uint8Array',
  'Blob',
  'ReadableStream',
  'AsyncIterable',
  'Function',
  'Symbol',
  'globalThis',
  'process',
  'require',
  'module',
  'exports',
  'import',
  'Session',
  'ObjectWrapper',
  'ServiceContext',
  'Upload',
  'Callback',
  'CallOptions',
  'Invoker',
  'ActionSpec',
  'ParameterSpec',
  'Command',
  'Bytes',
  'TransportKind',
  'AutoBatchOptions',
  'BatchSession',
  'LiferayError',
  'invokeWithCallback',
  'withClassName',
  'actions',
  'session',
  'parameters',
  'options',
  'callback',
  'index',
  'models',
  'runtime',
  'services',
  'con',
  'nul',
  'aux',
  'com1',
  'lpt1',
];

/** Payloads: each would run `globalThis.__injected = ...` if it escaped the place it is put in. */
export const PAYLOADS: readonly string[] = [
  "*/ globalThis.__injected = 'comment'; /*",
  "'); globalThis.__injected = 'single'; ('",
  '"); globalThis.__injected = "double"; ("',
  '`; globalThis.__injected = `template`; `',
  '${globalThis.__injected = "substitution"}',
  '\nglobalThis.__injected = "newline"; //',
  '\r\nglobalThis.__injected = "crlf"; //',
  '\u2028globalThis.__injected = "ls"; //',
  '\u2029globalThis.__injected = "ps"; //',
  '\\"); globalThis.__injected = "backslash"; //',
  "console.log('injected')",
  'process.exit(70)',
  'alert(1)',
  '</script><script>globalThis.__injected = "script"</script>',
  '--> <!-- globalThis.__injected = "html" -->',
  '--!> <script>globalThis.__injected = "bang"</script>',
  '<!-- -->',
  '/* */',
  '// line',
  '@deprecated @returns {never} @type {any}',
  '&lt;/script&gt; &#42;&#47; globalThis.__injected = 1 &#x2028; &constructor; &__proto__; &toString;',
  '*<b>/</b> globalThis.__injected = "tag" /*',
  '<code>*/</code>',
  '{{identifier}} {{{raw}}} {{> partial}}',
  '`',
  '\\',
  '"',
  "'",
];

/** Characters that are invisible, change direction, combine, or are line terminators to some parsers. */
export const ODD_CHARACTERS: readonly string[] = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u0301',
  '\u00a0',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u0007',
  '\t',
  '\u000b',
  '\u000c',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  'Ⅻ',
  'ﬁ',
  'ß',
  'İ',
  'Σ',
  '你',
  '\u{10ffff}',
];

const DIGIT_LEADING: readonly string[] = ['1st', '123', '0x10', '1e3', '9lives', '0', '-1', '.5'];

/** Names that differ only in case (or not at all once sanitised). */
const CASE_TWINS: readonly string[] = ['entry', 'Entry', 'ENTRY', 'eNtRy', 'entry_', 'entry-', 'entry2', 'Entry2'];

/** Long text: 1,000 to 4,000 characters, so that limits on file names and line lengths are reached. */
const longText = fc
  .oneof(fc.constantFrom('a', 'x-', 'Ab', '*/', '<', '\u200b', '😀', '-'), fc.constantFrom(...COLLIDING_NAMES))
  .chain((unit) =>
    fc.integer({ min: 1000, max: 4000 }).map((length) => unit.repeat(Math.ceil(length / Math.max(1, unit.length)))),
  );

/** One hostile token (no separators added). */
export const hostileToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...COLLIDING_NAMES) },
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_CHARACTERS) },
  { weight: 2, arbitrary: fc.constantFrom(...DIGIT_LEADING) },
  { weight: 2, arbitrary: fc.constantFrom(...CASE_TWINS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Hostile text: tokens glued together, now and then very long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.array(hostileToken, { minLength: 1, maxLength: 3 }).map((tokens) => tokens.join('')) },
  { weight: 1, arbitrary: longText },
);

/** A name: mostly colliding names, so that collisions between entries of one document are frequent. */
export const hostileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...COLLIDING_NAMES, ...CASE_TWINS, ...DIGIT_LEADING) },
  { weight: 4, arbitrary: hostileText },
);

/** A path segment the model accepts (no slash, no white space) built from hostile text; if faulty, sometimes one it rejects. */
export function pathSegment(faulty: boolean): fc.Arbitrary<string> {
  const valid = fc.oneof(
    { weight: 4, arbitrary: hostileName.map((name) => name.replace(/[/\s]/g, '')).filter((name) => name.length > 0) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('..', '.', '...', '..\\..\\etc', 'a.b.c', 'calendar.calendarbooking', '%2e%2e', '~'),
    },
  );
  return faulty ? fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: hostileText }) : valid;
}

/** Payload markers that must never appear in generated code outside literals and comments. */
export const CODE_MARKERS: readonly string[] = ['__injected', 'console.log(', 'process.exit(', 'alert(', '</script>'];
