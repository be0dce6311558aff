/**
 * The public runtime is written down: every name `src/runtime/index.ts` exports is in the README's runtime
 * reference, and every error code is in it and in the README of every generated package.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNTIME_EXPORTS } from '../../src/typemap/runtime-exports.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const reference = readme.slice(
  readme.indexOf('### Runtime reference'),
  readme.indexOf('\n### ', readme.indexOf('### Runtime reference') + 1),
);
const codes = [
  ...(/export type LiferayErrorCode =([^;]*);/.exec(read('src/runtime/errors.ts'))?.[1] ?? '').matchAll(
    /'(LIFERAY_\w+)'/g,
  ),
].map((match) => match[1]);

describe('the runtime reference', () => {
  it('names every public export of the runtime', () => {
    expect(reference.length).toBeGreaterThan(1000);
    expect(RUNTIME_EXPORTS.filter((name) => !reference.includes(`\`${name}\``))).toEqual([]);
  });

  it('gives every error code, as does the README of a generated package', () => {
    expect(codes.length).toBeGreaterThan(10);
    const packageReadme = read('templates/package/README.md.hbs');
    expect(codes.filter((code) => !reference.includes(`\`${code}\``))).toEqual([]);
    expect(codes.filter((code) => !packageReadme.includes(`\`${code}\``))).toEqual([]);
  });
});
