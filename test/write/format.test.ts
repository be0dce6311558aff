import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/discovery/decode-document.js';
import { renderPackages } from '../../src/generate.js';
import { buildApi } from '../../src/model/index.js';
import type { RenderedFile } from '../../src/render/render-package.js';
import { formatFiles } from '../../src/write/format.js';
import { FormatPool } from '../../src/write/format-pool.js';
import { loadEngine, resolveEngine } from '../../src/write/prettier-engine.js';
import { renderApi } from '../hostile/run-case.js';

/**
 * The fixtures' packages as rendered, with the semicolons that end TypeScript lines taken out: the templates
 * write prettier's shape already, so this gives formatting something to do.
 */
async function renderedFiles(): Promise<RenderedFile[]> {
  const sources = ['fixtures/discovery/7.x/portal.json', 'fixtures/discovery/6.2/portal.json', 'fixtures/discovery/legacy/portal.json'];
  const files: RenderedFile[] = [];
  for (const source of sources) {
    const api = buildApi([decodeDocument({ text: readFileSync(source, 'utf8'), source })]);
    const [rendered] = renderApi(api);
    const unformatted = (file: RenderedFile): string => (file.path.endsWith('.ts') ? file.contents.replace(/;\n/g, '\n') : file.contents);
    files.push(...(rendered ?? []).filter((file) => !file.path.startsWith('src/runtime/')).map((file) => ({ path: `${source}/${file.path}`, contents: unformatted(file) })));
  }
  return files;
}

const pool = new FormatPool(2, resolveEngine());
afterAll(() => pool.close());

describe('formatting', () => {
  it('prints the same text with the oxc parser as with prettier\'s own typescript parser', async () => {
    const spec = resolveEngine();
    expect(spec.oxcUrl).toBeDefined();
    const [oxc, plain] = await Promise.all([loadEngine(spec), loadEngine({ ...spec, oxcUrl: undefined })]);
    expect([oxc.name, plain.name]).toEqual(['prettier+oxc', 'prettier']);
    const typescript = (await renderedFiles()).filter((file) => file.path.endsWith('.ts'));
    expect(typescript.length).toBeGreaterThan(25);
    for (const file of typescript) expect(await oxc.format(file.contents, 'typescript'), file.path).toBe(await plain.format(file.contents, 'typescript'));
  });

  it('formats a file of many sections (one per service) exactly as prettier formats the whole file', async () => {
    const source = 'fixtures/corpus/portal-7.0-reconstructed.json';
    const api = buildApi([decodeDocument({ text: readFileSync(source, 'utf8'), source })]);
    const [generated] = await renderPackages(api, { discovery: [source], out: join(tmpdir(), 'lsb-not-written'), verify: false });
    const plain = await loadEngine({ ...resolveEngine(), oxcUrl: undefined });
    const files = (generated?.files ?? []).filter((file) => file.path.endsWith('.ts') && !file.path.startsWith('src/runtime/'));
    const indexes = files.filter((file) => file.path.endsWith('/index.ts') && file.path !== 'src/index.ts');
    expect(indexes.map((file) => file.path)).toEqual(['src/callback/index.ts', 'src/services/index.ts']);
    for (const file of indexes) expect(file.contents.match(/\/\* @__PURE__ \*\/ define(Callback)?Service</g)).toHaveLength(103);
    for (const file of files) expect(await plain.format(file.contents, 'typescript'), file.path).toBe(file.contents);
  });

  it('gives the same files on workers as in this thread, in order', async () => {
    const files = await renderedFiles();
    const here = await formatFiles(files);
    const there = await formatFiles(files, { pool });
    expect(there.map((file) => file.path)).toEqual(files.map((file) => file.path));
    expect(there).toEqual(here);
    expect(here.some((file, index) => file.contents !== files[index]?.contents)).toBe(true);
  });

  it('fails the run when a worker cannot format a file, naming the problem', async () => {
    const broken = [{ path: 'src/services/a.ts', contents: 'export const a = ;' }, { path: 'src/services/b.ts', contents: 'export const b = 1;' }];
    await expect(formatFiles(broken, { pool })).rejects.toThrow(/formatting failed: .*Expression expected|formatting failed: .*Unexpected token/);
    // The pool still works afterwards.
    expect((await formatFiles([{ path: 'src/x.ts', contents: 'const  x=1' }], { pool }))[0]?.contents).toBe('const x = 1;\n');
  });

  it('caches formatted text by content: a second run formats nothing', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'lsb-format-cache-'));
    const files = (await renderedFiles()).slice(0, 10);
    const first = await formatFiles(files, { cacheDir, pool });
    const entries = readdirSync(cacheDir, { recursive: true }).length;
    expect(entries).toBeGreaterThan(0);
    // A pool that refuses every file: a second run that succeeds took everything from the cache.
    const refusing = { submit: () => Promise.reject(new Error('formatted again')) } as unknown as FormatPool;
    expect(await formatFiles(files, { cacheDir, pool: refusing })).toEqual(first);
    await expect(formatFiles([{ path: 'src/new.ts', contents: 'const  y=2' }], { cacheDir, pool: refusing })).rejects.toThrow('formatted again');
  });
});
