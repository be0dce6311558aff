/**
 * The printer's pieces against prettier itself: string literals in prettier's quotes for any text, property
 * keys unquoted exactly where prettier unquotes them, and the type syntax the typemap writes read back (and
 * anything else refused).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySeed } from '../../helpers/property-seed.js';
import { printPropertyKey } from '../../../src/typemap/print/print-type.js';
import { printTypeAlias } from '../../../src/typemap/print/print-declaration.js';
import { parseType } from '../../../src/typemap/print/type-syntax.js';
import { toCodeString } from '../../../src/typemap/safe-text.js';
import { loadEngine, resolveEngine } from '../../../src/format/prettier-engine.js';

const engine = await loadEngine(resolveEngine());

/** Many statements in one prettier call: each line of the output is one statement's formatting. */
async function formatLines(lines: readonly string[]): Promise<string[]> {
  return (await engine.format(lines.join('\n'), 'typescript')).trimEnd().split('\n');
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('"', "'", '\\', '`', '\u2028', '\u2029', '\n', 'a', 'é', '\ud800'),
    maxLength: 12,
  }),
);

describe('the printer', () => {
  it('quotes any text as prettier does (singleQuote)', async () => {
    const texts = fc.sample(text, { numRuns: 400, seed: propertySeed() });
    const ours = texts.map((value) => `x = ${toCodeString(value)};`);
    // Written as JSON (double quotes), then formatted: prettier's own choice of quotes and escapes.
    expect(
      await formatLines(
        texts.map(
          (value) =>
            `x = ${JSON.stringify(value)
              .replace(/\u2028/g, '\\u2028')
              .replace(/\u2029/g, '\\u2029')};`,
        ),
      ),
    ).toEqual(ours);
  });

  it('writes a property key bare exactly where prettier does', async () => {
    const keys = [
      ...fc.sample(text, { numRuns: 200, seed: propertySeed() + 1 }),
      'abc',
      'ñame',
      '你好',
      'a-b',
      '1a',
      'class',
      '$x',
      '_',
      'a\u200cb',
      'ℵ',
      '𝒜',
    ];
    const ours = keys.map((key, index) => `type T${index} = { ${printPropertyKey({ string: key })}: 1 };`);
    expect(
      await formatLines(
        keys.map(
          (key, index) =>
            `type T${index} = { ${JSON.stringify(key)
              .replace(/\u2028/g, '\\u2028')
              .replace(/\u2029/g, '\\u2029')}: 1 };`,
        ),
      ),
    ).toEqual(ours);
  });

  it.each([
    ['string | null', 'union'],
    ['Partial<BlogsEntry> | ObjectWrapper | null', 'union'],
    ['(Record<string, A | B> | null)[][]', 'array'],
    ["import('./x.js').X<'callback'>", 'import'],
    ['{ a: string; "b-c"?: number[]; [k: string]: unknown }', 'object'],
    ['A & B & C', 'intersection'],
  ])('reads %s back', (type, kind) => {
    expect(parseType(type).kind).toBe(kind);
  });

  it.each(['', 'list<', 'A |', '(A', 'typeof x', 'A => B', 'a.', '<T>'])(
    'refuses %j, which the typemap never writes',
    (type) => {
      expect(() => parseType(type)).toThrow(/^printer: /);
    },
  );

  it('breaks a type alias as prettier does when its name is long', async () => {
    const name = `${'Long'.repeat(30)}Parameters`;
    const printed = printTypeAlias(name, 'Record<string, never>');
    expect(printed).toBe(`export type ${name} =\n  Record<string, never>;`);
    expect(await engine.format(printed, 'typescript')).toBe(`${printed}\n`);
  });
});
