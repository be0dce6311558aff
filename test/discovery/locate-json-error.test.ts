import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonErrorLocation, locateJsonError } from '../../src/discovery/locate-json-error.js';

const cases: [string, string, JsonErrorLocation][] = [
  ['empty text', '', { position: 0, line: 1, column: 1, problem: 'expected a JSON value, found the end of the text' }],
  ['missing value', '{"a":}', { position: 5, line: 1, column: 6, problem: 'expected a JSON value, found "}"' }],
  [
    'trailing comma in an array',
    '[1,\n 2,\n]',
    { position: 8, line: 3, column: 1, problem: 'expected a JSON value, found "]"' },
  ],
  [
    'unquoted property',
    '{\n  services: []}',
    { position: 4, line: 2, column: 3, problem: 'expected a property name in double quotes, found "s"' },
  ],
  ['missing colon', '{"a" 1}', { position: 5, line: 1, column: 6, problem: 'expected \':\', found "1"' }],
  [
    'missing comma',
    '{"a": 1 "b": 2}',
    { position: 8, line: 1, column: 9, problem: "expected ',' or '}', found \"\\\"\"" },
  ],
  [
    'truncated object',
    '{"a": [1, 2]',
    { position: 12, line: 1, column: 13, problem: "expected ',' or '}', found the end of the text" },
  ],
  [
    'unterminated string',
    '["abc',
    { position: 5, line: 1, column: 6, problem: "expected a closing '\"', found the end of the text" },
  ],
  ['bad escape', '["a\\x"]', { position: 3, line: 1, column: 4, problem: 'invalid escape sequence inside a string' }],
  ['control character', '["a\tb"]', { position: 3, line: 1, column: 4, problem: 'control character inside a string' }],
  ['bad literal', '[tru]', { position: 1, line: 1, column: 2, problem: 'expected a JSON value, found "t"' }],
  ['leading zero', '[01]', { position: 2, line: 1, column: 3, problem: "expected ',' or ']', found \"1\"" }],
  [
    'content after the value',
    '{} {}',
    { position: 3, line: 1, column: 4, problem: 'expected the end of the document, found "{"' },
  ],
];

describe('locateJsonError', () => {
  it.each(cases)('%s', (_name, text, want) => {
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    expect(locateJsonError(text)).toEqual(want);
  });

  it('finds no error in valid JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => locateJsonError(text) === undefined));
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z.\\+-]{0,30}$/);
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        return (locateJsonError(text) === undefined) === valid;
      }),
      { numRuns: 2000 },
    );
  });
});
