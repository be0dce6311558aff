/**
 * The render cache: after a change to one service, only that service's files are rendered and formatted
 * (seen through the onRender report and the format cache's new entries), and every file is byte for byte
 * what a run without caches writes from the same committed package. Damaged entries never make a wrong file.
 */
import { readFileSync } from 'node:fs';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { generate, type GenerateOptions, type RenderReport } from '../../src/generate.js';
import { buildApi } from '../../src/model/index.js';
import { decodeDocument } from '../../src/discovery/index.js';
import { toProvenance } from '../../src/render/provenance.js';
import { isTemplated, planPackageFiles } from '../../src/render/render-package.js';
import { HEADER } from '../../src/render/views.js';
import { mapContext } from '../../src/typemap/index.js';
import { projectRoot, removeTemporaryFolders, snapshotFolder, temporaryFolder } from '../cli-end-to-end/builder.js';
import { PORTAL_FIXTURE, fixture, writeDocument, type RawDocument } from '../cli-end-to-end/documents.js';

afterAll(removeTemporaryFolders);

/** BlogsEntry's types module, and its own section of each index module that holds every service's class. */
const BLOGS_ENTRY_FILES = ['src/callback/index.ts', 'src/services/blogsentry.ts', 'src/services/index.ts'];

/** The portal fixture with a description on /blogsentry/add-entry: a change to the BlogsEntry service only. */
function describedBlogsEntry(description: string): RawDocument {
  const document = fixture(PORTAL_FIXTURE);
  document.services = document.services.map((service) =>
    service.path === '/blogsentry/add-entry' ? { ...service, description } : service,
  );
  return document;
}

interface Run {
  readonly reports: readonly RenderReport[];
  readonly files: Map<string, Buffer>;
}

async function run(document: string, out: string, options: Partial<GenerateOptions> = {}): Promise<Run> {
  const reports: RenderReport[] = [];
  await generate({ discovery: [document], out, verify: false, onRender: (report) => reports.push(report), ...options });
  return { reports, files: await snapshotFolder(out) };
}

/** Entries of the format cache (two hex digits per folder). */
async function formatEntries(cacheDir: string): Promise<number> {
  const store = join(cacheDir, 'format');
  const folders = (await readdir(store).catch(() => [])).filter((name) => /^[0-9a-f]{2}$/.test(name));
  const counts = await Promise.all(folders.map(async (folder) => (await readdir(join(store, folder))).length));
  return counts.reduce((sum, count) => sum + count, 0);
}

describe.concurrent('render cache', () => {
  // With --format, so that the format cache's share shows too (without it, built-in templates' output is not formatted).
  it("a change to one service renders and formats only that service's files, and writes what a run without caches writes", async ({
    expect,
  }) => {
    const work = await temporaryFolder('lsb-render-cache-');
    const cacheDir = join(work, 'cache');
    const document = await writeDocument(work, 'portal.json', describedBlogsEntry('Adds an entry.'));
    const first = await run(document, join(work, 'client'), { incremental: { cacheDir }, format: true });
    expect(first.reports).toHaveLength(1);
    expect(first.reports[0]?.reused).toBe(0);
    const templated = first.reports[0]?.rendered.length ?? 0;
    const formatted = await formatEntries(cacheDir);

    // The same committed package for the run without caches: version and changelog follow from it.
    await cp(join(work, 'client'), join(work, 'uncached'), { recursive: true });
    await writeDocument(work, 'portal.json', describedBlogsEntry('Adds a <code>BlogsEntry</code>.'));
    const second = await run(document, join(work, 'client'), { incremental: { cacheDir }, format: true });
    const services = (
      first.files
        .get('src/services/index.ts')
        ?.toString()
        .match(/\/\* @__PURE__ \*\/ defineService</g) ?? []
    ).length;
    expect(services).toBeGreaterThan(5);
    expect(second.reports).toEqual([
      {
        context: 'portal',
        rendered: BLOGS_ENTRY_FILES,
        reused: templated - 3,
        sections: [
          { path: 'src/callback/index.ts', rendered: 1, of: services + 1 },
          { path: 'src/services/blogsentry.ts', rendered: 1, of: 1 },
          { path: 'src/services/index.ts', rendered: 1, of: services + 1 },
        ],
      },
    ]);
    // Formatted anew: the types module (the description is a method's; its class sections, rendered again, are
    // formatted already) and package.json, whose version a description change bumps (1.0.1).
    expect(await formatEntries(cacheDir)).toBe(formatted + 2);

    const uncached = await run(document, join(work, 'uncached'));
    expect(await formatEntries(cacheDir)).toBe(formatted + 2);
    expect(uncached.reports[0]?.rendered).toHaveLength(templated);
    expect(second.files).toEqual(uncached.files);
    expect(JSON.parse(second.files.get('package.json')?.toString() ?? '{}')).toMatchObject({ version: '1.0.1' });
    // No file names the document: only the provenance file and what the change touched differ.
    const differing = [...second.files.keys()]
      .filter((path) => !second.files.get(path)?.equals(first.files.get(path) ?? Buffer.alloc(0)))
      .sort();
    expect(differing).toEqual(['CHANGELOG.md', 'liferay-sdk.json', 'package.json', 'src/services/blogsentry.ts']);
  }, 60_000);

  it('nothing is rendered when only the output folder changes', async ({ expect }) => {
    const work = await temporaryFolder('lsb-render-cache-');
    const cacheDir = join(work, 'cache');
    const document = join(projectRoot, PORTAL_FIXTURE);
    const first = await run(document, join(work, 'one'), { incremental: { cacheDir } });
    const second = await run(document, join(work, 'two'), { incremental: { cacheDir } });
    expect(second.reports).toEqual([
      { context: 'portal', rendered: [], reused: first.reports[0]?.rendered.length, sections: [] },
    ]);
    expect(second.files).toEqual(first.files);
  });

  it('a damaged entry is rendered again, never used', async ({ expect }) => {
    const work = await temporaryFolder('lsb-render-cache-');
    const cacheDir = join(work, 'cache');
    const document = await writeDocument(work, 'portal.json', describedBlogsEntry('Adds an entry.'));
    await run(document, join(work, 'client'), { incremental: { cacheDir } });
    const entries = (await readdir(join(cacheDir, 'render'), { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile(),
    );
    // Cut short, a flipped character, a wrong checksum line, emptied: every way a file can be damaged.
    const damages = [
      (text: string) => text.slice(0, -10),
      (text: string) => text.slice(0, -1) + (text.endsWith('x') ? 'y' : 'x'),
      (text: string) => text.replace(/^[0-9a-f]{64}\n/, `${'0'.repeat(64)}\n`),
      () => '',
    ];
    await Promise.all(
      entries.map(async (entry, index) => {
        const path = join(entry.parentPath, entry.name);
        const damage = damages[index % damages.length] ?? damages[0];
        await writeFile(path, damage?.(await readFile(path, 'utf8')) ?? '');
      }),
    );
    await cp(join(work, 'client'), join(work, 'uncached'), { recursive: true });
    await writeDocument(work, 'portal.json', describedBlogsEntry('Adds a <code>BlogsEntry</code>.'));
    const damaged = await run(document, join(work, 'client'), { incremental: { cacheDir } });
    expect(damaged.reports[0]?.reused).toBe(0);
    expect(damaged.files).toEqual((await run(document, join(work, 'uncached'))).files);
  }, 60_000);

  it("keys hash each file's whole view: views are plain JSON data, nothing JSON would drop", ({ expect }) => {
    const path = join(projectRoot, 'fixtures', 'corpus', 'portal-7.0-reconstructed.json');
    const api = buildApi([decodeDocument({ text: readFileSync(path, 'utf8'), source: path })]);
    for (const context of api.contexts) {
      const provenance = toProvenance(api, context, [], undefined);
      const planned = planPackageFiles(mapContext(context), {
        packageName: 'p',
        callback: true,
        emit: 'ts',
        portalVersion: api.portalVersion,
        header: HEADER,
        runtime: [],
        provenance,
      });
      const views = planned.filter(isTemplated).flatMap((file) => file.sections.map((section) => section.view));
      expect(views.length).toBeGreaterThan(200);
      for (const view of views) expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
    }
  });
});
