/**
 * Type-checking generated packages many at a time: each package's files go under `p<k>/` of one virtual
 * package, so the compiler loads its libraries once. `verifyBatch` runs the verify stage itself on it (the
 * native compiler, on a temporary folder);
 * `compileBatch` uses a Project of its own (the package's compiler options, nothing from src/write) and
 * emits the JavaScript, so that tests can load it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { RenderedFile } from '../../src/render/render-package.js';
import { verifyFiles } from '../../src/verify/verify-package.js';

/**
 * The files of every package under `p<k>/`, with one tsconfig.json whose rootDir spans them all. Only `p0`
 * keeps its runtime: the others' `src/runtime/index.ts` and `internal.ts` re-export p0's, since the runtime is the same bytes
 * in every package (checkPackageFiles asserts it) and checking it fifty times would cost most of the time.
 */
export function mergePackages(packages: readonly (readonly RenderedFile[])[]): RenderedFile[] {
  const tsconfig = packages[0]?.find((file) => file.path === 'tsconfig.json');
  if (tsconfig === undefined) throw new Error('no tsconfig.json');
  const config = JSON.parse(tsconfig.contents) as { compilerOptions: Record<string, unknown> };
  const merged = { ...config, compilerOptions: { ...config.compilerOptions, rootDir: '.' }, include: ['.'] };
  const shims = ['index', 'internal'].map((module) => ({
    path: `src/runtime/${module}.ts`,
    contents: `export * from '../../../p0/src/runtime/${module}.js';\n`,
  }));
  const files = packages.flatMap((files, index) => {
    const own = files.filter(
      (file) => file.path.endsWith('.ts') && (index === 0 || !file.path.startsWith('src/runtime/')),
    );
    return [...own, ...(index === 0 ? [] : shims)].map((file) => ({
      path: `p${index}/${file.path}`,
      contents: file.contents,
    }));
  });
  return [{ path: 'tsconfig.json', contents: JSON.stringify(merged) }, ...files];
}

/** The verify stage on all packages at once; a failure names the package (`p<k>/...`) in its message. */
export async function verifyBatch(packages: readonly (readonly RenderedFile[])[]): Promise<void> {
  await verifyFiles(mergePackages(packages), `${packages.length} hostile packages`);
}

export interface CompiledBatch {
  /** Per package, its diagnostics as "p<k>/src/file.ts:line: message". */
  readonly diagnostics: readonly string[];
  /** Where package k's JavaScript was written: `<folder>/p<k>/src/...js`. */
  readonly folder: string;
}

/** Type-checks and compiles all packages with their own tsconfig options, writing the JavaScript to `folder`. */
export async function compileBatch(
  packages: readonly (readonly RenderedFile[])[],
  folder: string,
): Promise<CompiledBatch> {
  const merged = mergePackages(packages);
  const config = JSON.parse(merged[0]?.contents ?? '{}') as { compilerOptions: object };
  const options = ts.convertCompilerOptionsFromJson(config.compilerOptions, '/batch').options;
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { ...options, rootDir: '/batch', outDir: '/out', declaration: false },
  });
  for (const file of merged.slice(1)) project.createSourceFile(`/batch/${file.path}`, file.contents);
  const diagnostics = project.getPreEmitDiagnostics().map((diagnostic) => {
    const path = diagnostic.getSourceFile()?.getFilePath().replace('/batch/', '') ?? '?';
    return `${path}:${diagnostic.getLineNumber() ?? '?'}: ${ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, ' ')}`;
  });
  if (diagnostics.length > 0) return { diagnostics, folder };
  const emitted = project.emitToMemory();
  for (const file of emitted.getFiles()) {
    const target = join(folder, file.filePath.replace(/^\/out\//, ''));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  return { diagnostics, folder };
}
