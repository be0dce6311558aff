/**
 * Section 4, size: the runtime minified and gzipped, one service with its share of the runtime (other
 * services must be tree-shaken away), the whole generated corpus package, and the time to import it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import type { BenchContext } from './bench-context.js';
import { atMost, type Figure, type SectionResult } from './bench-report.js';
import { buildClientPackage, type BuiltClient } from './client-package.js';
import { measureImport } from './import-time.js';
import { lazyChunks } from '../helpers/runtime-bundle.js';

const CORPUS = 'fixtures/corpus/portal-7.0-reconstructed.json';
const ONE_SERVICE = { className: 'BlogsEntryService', segment: 'blogsentry' } as const;
const APP = `import { Session } from './index.ts';
import { defineService } from './internal.ts';
const UserService = defineService('UserService', { getUserById: ['/user/get-user-by-id', ['userId']] });
export const user = new UserService(new Session({ server: 'https://portal.example.com' })).getUserById({ userId: 1 });`;
/** The same app chaining two calls: the chain entry point is all it adds. */
const CHAIN_APP = `import { Session } from './index.ts';
import { defineService } from './internal.ts';
import { call, chain } from './chain.ts';
const UserService = defineService('UserService', { getUserById: ['/user/get-user-by-id', ['userId']] });
export const user = chain(new Session({ server: 'https://portal.example.com' }), call(UserService).getUserById({ userId: 1 }).with('same', (found) => call(UserService).getUserById({ userId: found.userId })));`;

export async function benchSize(context: BenchContext): Promise<SectionResult> {
  const runtimeFolder = join(context.root, 'src', 'runtime');
  const runtime = await minifiedSize({ entryPoints: [join(runtimeFolder, 'index.ts')] });
  // What an app making JSON calls through a generated service carries: the modules the session loads on first
  // use (uploads, downloads, batches, automatic batching, redirects) are chunks of their own in an app's bundle.
  const app = await minifiedSize({
    stdin: { contents: APP, resolveDir: runtimeFolder, sourcefile: 'app.ts', loader: 'ts' },
    plugins: [lazyChunks],
  });
  const chaining = await minifiedSize({
    stdin: { contents: CHAIN_APP, resolveDir: runtimeFolder, sourcefile: 'chain-app.ts', loader: 'ts' },
    plugins: [lazyChunks],
  });
  context.log('size: building the corpus client into .cache/bench/corpus-pkg');
  const corpus = buildClientPackage(context.root, CORPUS, join(context.cacheDir, 'corpus-pkg'));
  const figures: Figure[] = [
    {
      section: 'size',
      name: 'runtime of an app making JSON calls through a service, minified + gzipped',
      value: app.gzipped,
      unit: 'B',
      target: atMost(app.gzipped, 4096, '4 KB (4,096 B)'),
      note: `minified ${app.minified.toLocaleString('en-US')} B; uploads, downloads, batches and redirects are chunks loaded on first use`,
    },
    {
      section: 'size',
      name: 'runtime of an app that chains calls (<package>/chain), minified + gzipped',
      value: chaining.gzipped,
      unit: 'B',
      note: `minified ${chaining.minified.toLocaleString('en-US')} B; ${(chaining.gzipped - app.gzipped).toLocaleString('en-US')} B more than an app that does not chain`,
    },
    {
      section: 'size',
      name: 'whole runtime (every export of src/runtime), minified + gzipped',
      value: runtime.gzipped,
      unit: 'B',
      note: `minified ${runtime.minified.toLocaleString('en-US')} B; uploads, downloads and cookie sign-in included`,
    },
    await oneServiceFigure(context, corpus),
    ...(await packageFigures(corpus)),
  ];
  context.log('size: timing imports of the corpus package in fresh node processes');
  const imported = measureImport(corpus.index, Math.max(10, context.options.runs * 2));
  figures.push({
    section: 'size',
    name: 'import the whole corpus package (fresh node, minus the same script importing an empty module)',
    value: imported.netMs,
    unit: 'ms',
    target: atMost(imported.netMs, 50, '50 ms'),
    runs: imported.runs,
    note:
      `node with import ${imported.withImportMs.toFixed(1)} ms, with an empty module ${imported.emptyImportMs.toFixed(1)} ms; ` +
      `import() itself ${imported.inProcessMs.toFixed(1)} ms (empty module ${imported.inProcessEmptyMs.toFixed(1)} ms); ` +
      `minus bare \`node -e ''\` (${imported.bareMs.toFixed(1)} ms) as measured before: ${(imported.withImportMs - imported.bareMs).toFixed(1)} ms`,
    detail: { ...imported },
  });
  return { figures };
}

interface Bundle {
  readonly text: string;
  readonly minified: number;
  readonly gzipped: number;
}

async function minifiedSize(options: BuildOptions): Promise<Bundle> {
  const result = await build({
    ...options,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles?.[0];
  if (output === undefined) throw new Error('esbuild produced no output');
  return { text: output.text, minified: output.contents.byteLength, gzipped: gzipSync(output.contents).byteLength };
}

async function oneServiceFigure(context: BenchContext, corpus: BuiltClient): Promise<Figure> {
  const { className, segment } = ONE_SERVICE;
  const contents = `import { Session, ${className} } from './dist/index.js';
const service = new ${className}(new Session({ server: 'http://localhost:8080' }));
export const call = () => service.getEntry({ entryId: 1 });
`;
  const bundle = await minifiedSize({
    stdin: { contents, resolveDir: corpus.out, sourcefile: 'one-service.js', loader: 'js' },
  });
  const others = serviceSegments(context.root).filter((each) => each !== segment);
  const leaked = others.filter((each) => new RegExp(`["'\`]/${each.replaceAll('.', '\\.')}/`).test(bundle.text));
  const own = bundle.text.includes(`/${segment}/`);
  return {
    section: 'size',
    name: `one service (${className}) + its share of the runtime, minified + gzipped`,
    value: bundle.gzipped,
    unit: 'B',
    note: `minified ${bundle.minified.toLocaleString('en-US')} B; other services' paths in the bundle: ${leaked.length} of ${others.length}${leaked.length ? ` (${leaked.slice(0, 5).join(', ')}...)` : ''}; own paths present: ${own ? 'yes' : 'no'}`,
    detail: { minified: bundle.minified, leakedServices: leaked, otherServices: others.length },
  };
}

/** The first path segment of every action of the corpus: one per service ("blogsentry", "calendar.calendar"). */
function serviceSegments(root: string): string[] {
  const document = JSON.parse(readFileSync(join(root, CORPUS), 'utf8')) as { services: { path: string }[] };
  return [...new Set(document.services.map((entry) => entry.path.split('/')[1] ?? ''))].filter((each) => each !== '');
}

async function packageFigures(corpus: BuiltClient): Promise<Figure[]> {
  const sources = readdirSync(join(corpus.out, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );
  const bytes = sources.reduce((sum, file) => sum + statSync(join(corpus.out, 'src', file)).size, 0);
  const index = await minifiedSize({ entryPoints: [corpus.index] });
  return [
    {
      section: 'size',
      name: 'whole corpus package: src/**/*.ts',
      value: bytes,
      unit: 'B',
      note: `${sources.length} files`,
    },
    {
      section: 'size',
      name: 'whole corpus package: index bundle, minified + gzipped',
      value: index.gzipped,
      unit: 'B',
      note: `minified ${index.minified.toLocaleString('en-US')} B`,
    },
  ];
}
