/**
 * Formatting several texts in one prettier call gives each text exactly what formatting it alone gives, and a
 * batch that cannot be cut apart, or does not format, falls back to one call per text.
 */
import { describe, expect, it } from 'vitest';
import { formatTexts } from '../../src/format/format-batch.js';
import { loadEngine, resolveEngine } from '../../src/format/prettier-engine.js';

const engine = await loadEngine(resolveEngine());

/** Counts prettier calls, so that a test can tell a batch from one call per text. */
function counted(): { calls: number; format: (text: string, parser: string) => Promise<string> } {
  const counter = {
    calls: 0,
    format: (text: string, parser: string) => (counter.calls++, engine.format(text, parser)),
  };
  return counter;
}

const TEXTS = [
  "// Generated header\n// second line\nimport type {A} from './a.js'\n\n\nexport interface X { a: A; b: string }\n",
  '\n\n/** Leading blank lines, a JSDoc, and a trailing line comment. */\nexport const x = {a: [1,2,3], b: "two"} // end\n\n\n',
  '// only comments, no statement\n',
  "export type Y<Style extends 'a' | 'b' = 'a'> = import('./y.js').Y<Style>\nexport const y = /* @__PURE__ */ define<Y>('Y', yActions)",
  `export const long = { ${Array.from({ length: 30 }, (_, index) => `key${index}: 'value ${index}'`).join(', ')} };`,
];

describe('formatTexts', () => {
  it('formats the texts in one call, each exactly as formatting it alone does', async () => {
    const alone = await Promise.all(TEXTS.map((text) => engine.format(text, 'typescript')));
    const counter = counted();
    expect(await formatTexts(TEXTS, 'typescript', counter.format)).toEqual(alone.map((text) => ({ text })));
    expect(counter.calls).toBe(1);
  });

  it('formats each text alone when the batch does not format, so that the error names its own text', async () => {
    const texts = ['export const a = 1', 'export const b = ;', 'export const c = 3'];
    const counter = counted();
    const outcomes = await formatTexts(texts, 'typescript', counter.format);
    expect(outcomes[0]).toEqual({ text: 'export const a = 1;\n' });
    expect(outcomes[1]).toMatchObject({
      error: expect.stringMatching(/Expression expected|Unexpected token/) as unknown,
    });
    expect(outcomes[2]).toEqual({ text: 'export const c = 3;\n' });
    expect(counter.calls).toBe(1 + texts.length);
  });

  it('formats each text alone when the formatted batch does not cut into one part per text', async () => {
    const counter = counted();
    // A formatter that loses the marker lines: the batch cannot be cut apart.
    const lossy = async (text: string, parser: string) =>
      (await counter.format(text, parser)).replace(/^\/\/ liferay-sdk-builder section .*\n/gm, '');
    expect(await formatTexts(['const a=1', 'const b=2'], 'typescript', lossy)).toEqual([
      { text: 'const a = 1;\n' },
      { text: 'const b = 2;\n' },
    ]);
    expect(counter.calls).toBe(3);
  });

  it('does not join texts of formats without line comments', async () => {
    const counter = counted();
    expect(await formatTexts(['{"a":1}', '{"b":2}'], 'json', counter.format)).toEqual([
      { text: '{ "a": 1 }\n' },
      { text: '{ "b": 2 }\n' },
    ]);
    expect(counter.calls).toBe(2);
  });
});
