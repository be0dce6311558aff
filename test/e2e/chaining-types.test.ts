/**
 * The types of chains, checked by the compiler on chaining-types-app.ts, an app written against the golden
 * 7.x package under the package's own strict options: as written it compiles (so every result type it states
 * holds, and every marked mistake is an error), and without its `@ts-expect-error` lines it fails exactly on
 * the marked lines, each with the error code its mark names (so no mistake is caught for another reason).
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tsc } from './built-package.js';
import { projectRoot } from './fixture-documents.js';

const run = promisify(execFile);
const folder = join(projectRoot, '.cache', 'e2e', 'chaining-types');
const MARK = /^\s*\/\/ @ts-expect-error (TS\d+) /;

/** The golden package's own compiler options, for the one app file. */
async function packageOptions(): Promise<Record<string, unknown>> {
  const tsconfig = JSON.parse(
    await readFile(join(projectRoot, 'generated', '7.x-portal', 'tsconfig.json'), 'utf8'),
  ) as { compilerOptions: Record<string, unknown> };
  const options: Record<string, unknown> = { ...tsconfig.compilerOptions, noEmit: true };
  // The app is one file beside its tsconfig, and nothing is emitted.
  for (const key of ['rootDir', 'outDir', 'declaration']) delete options[key];
  return options;
}

/** Compiles `source` as app.ts in `name`; resolves with tsc's diagnostics as `line code` (1-based lines). */
async function compile(name: string, source: string): Promise<string[]> {
  const dir = join(folder, name);
  await mkdir(dir, { recursive: true });
  // The app imports the golden package by relative paths: from .cache/e2e/chaining-types/<name>/ instead of test/e2e/.
  await writeFile(join(dir, 'app.ts'), source.replaceAll("'../../generated/", "'../../../../generated/"));
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: await packageOptions(), files: ['app.ts'] }),
  );
  try {
    await run(process.execPath, [tsc, '-p', dir], { cwd: dir });
    return [];
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? '');
    return [...output.matchAll(/app\.ts\((\d+),\d+\): error (TS\d+)/g)].map((match) => `${match[1]} ${match[2]}`);
  }
}

describe('the types of chains', () => {
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('accept what is right, with the result types stated, and catch each marked mistake for its own reason', async () => {
    const source = await readFile(join(projectRoot, 'test', 'e2e', 'chaining-types-app.ts'), 'utf8');
    expect(await compile('as-written', source)).toEqual([]);
    const lines = source.split('\n');
    const expected: string[] = [];
    const stripped: string[] = [];
    for (const line of lines) {
      const mark = MARK.exec(line);
      if (mark) expected.push(`${stripped.length + 1} ${mark[1]}`);
      else stripped.push(line);
    }
    expect(expected.length).toBeGreaterThanOrEqual(9);
    expect(await compile('without-marks', stripped.join('\n'))).toEqual(expected);
  });
});
