import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { temporaryFolderSync } from '../helpers/temporary.js';
import { decodeDocument } from '../../src/discovery/decode-document.js';
import { formatFiles } from '../../src/format/format.js';
import { loadEngine, resolveEngine } from '../../src/format/prettier-engine.js';
import { FormatCache } from '../../src/incremental/format-cache.js';
import { Store } from '../../src/incremental/store.js';
import { buildApi } from '../../src/model/index.js';
import type { RenderedFile } from '../../src/render/render-package.js';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { renderApi } from '../hostile/run-case.js';

/**
 * The fixtures' packages as rendered, with the semicolons that end TypeScript lines taken out: the templates
 * write prettier's shape already, so this gives formatting something to do.
 */
function renderedFiles(): RenderedFile[] {
  const sources = [
    'fixtures/discovery/7.x/portal.json',
    'fixtures/discovery/6.2/portal.json',
    'fixtures/discovery/legacy/portal.json',
  ];
  const files: RenderedFile[] = [];
  for (const source of sources) {
    const api = buildApi([decodeDocument({ text: readFileSync(source, 'utf8'), source })]);
    const [rendered] = renderApi(api);
    const unformatted = (file: RenderedFile): string =>
      file.path.endsWith('.ts') ? file.contents.replace(/;\n/g, '\n') : file.contents;
    files.push(
      ...(rendered ?? [])
        .filter((file) => !file.path.startsWith('src/runtime/'))
        .map((file) => ({ path: `${source}/${file.path}`, contents: unformatted(file) })),
    );
  }
  return files;
}

describe('formatting', () => {
  it("prints the same text with the oxc parser as with prettier's own typescript parser", async () => {
    const spec = resolveEngine();
    expect(spec.oxcUrl).toBeDefined();
    const [oxc, plain] = await Promise.all([loadEngine(spec), loadEngine({ ...spec, oxcUrl: undefined })]);
    expect([oxc.name, plain.name]).toEqual(['prettier+oxc', 'prettier']);
    const typescript = renderedFiles().filter((file) => file.path.endsWith('.ts'));
    expect(typescript.length).toBeGreaterThan(25);
    for (const file of typescript)
      expect(await oxc.format(file.contents, 'typescript'), file.path).toBe(
        await plain.format(file.contents, 'typescript'),
      );
  });

  it('formats a file of many sections (one per service) exactly as prettier formats the whole file', async () => {
    const [generated] = await buildInMemory('fixtures/corpus/portal-7.0-reconstructed.json');
    const plain = await loadEngine({ ...resolveEngine(), oxcUrl: undefined });
    const files = (generated?.files ?? []).filter(
      (file) => file.path.endsWith('.ts') && !file.path.startsWith('src/runtime/'),
    );
    const indexes = files.filter((file) => file.path.endsWith('/index.ts') && file.path !== 'src/index.ts');
    expect(indexes.map((file) => file.path)).toEqual(['src/callback/index.ts', 'src/services/index.ts']);
    for (const file of indexes)
      expect(file.contents.match(/\/\* @__PURE__ \*\/ define(Callback)?Service</g)).toHaveLength(103);
    for (const file of files) expect(await plain.format(file.contents, 'typescript'), file.path).toBe(file.contents);
  });

  it('gives, in batches, what formatting each file alone gives, in order', async () => {
    const files = renderedFiles().filter((file) => file.path.endsWith('.ts'));
    const engine = await loadEngine(resolveEngine());
    const formatted = await formatFiles(files);
    expect(formatted.map((file) => file.path)).toEqual(files.map((file) => file.path));
    for (const [index, file] of files.entries())
      expect(formatted[index]?.contents, file.path).toBe(await engine.format(file.contents, 'typescript'));
    expect(formatted.some((file, index) => file.contents !== files[index]?.contents)).toBe(true);
  });

  it('fails with a FormatError naming the file that does not parse', async () => {
    const broken = [
      { path: 'src/services/a.ts', contents: 'export const a = ;' },
      { path: 'src/services/b.ts', contents: 'export const b = 1;' },
    ];
    await expect(formatFiles(broken)).rejects.toMatchObject({
      code: 'format.failed',
      message: expect.stringMatching(/^formatting src\/services\/a\.ts failed: /) as string,
    });
  });

  it('caches formatted text by content: a second run formats nothing', async () => {
    const dir = temporaryFolderSync('lsb-format-cache-');
    const files = renderedFiles().slice(0, 10);
    const store = new Store(dir, 100);
    const first = await formatFiles(files, new FormatCache(store, 'salt'));
    await store.flush();
    // A cache whose every miss would be formatted by an engine that cannot parse: a success took everything from the cache.
    const again = new FormatCache(new Store(dir, 100), 'salt');
    const misses: string[] = [];
    const spy = {
      key: again.key.bind(again),
      get: (key: string) => again.get(key) ?? void misses.push(key),
      set: () => undefined,
    } as unknown as FormatCache;
    expect(await formatFiles(files, spy)).toEqual(first);
    expect(misses).toEqual([]);
  });
});
