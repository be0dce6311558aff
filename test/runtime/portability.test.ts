import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { LAZY, lazyChunks } from '../helpers/runtime-bundle.js';

/**
 * The runtime is copied verbatim into generated packages, which may be bundled for browsers or React Native:
 * these checks keep it self-contained, side-effect free, small, and valid under the packages' tsconfig.
 */
const folder = fileURLToPath(new URL('../../src/runtime/', import.meta.url));
const files = readdirSync(folder).filter((name) => name.endsWith('.ts'));

// The compiler options of every generated package (templates/package/tsconfig.json.hbs), for TypeScript 5.x
// (ts-morph's): verify holds the packages to TypeScript 7, and this test the runtime to 5.x too, for apps not
// on 7 yet. 5.x needs DOM.Iterable, which TypeScript 6 and later fold into DOM.
const packageOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
  skipLibCheck: true,
  noEmit: true,
};

/** The siblings a runtime module imports statically, and whether only for types. */
function importsOf(name: string): { sibling: string; type: boolean }[] {
  const source = readFileSync(folder + name + '.ts', 'utf8');
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'\.\/([a-z-]+)\.js'/g)].map(
    ([, type, sibling]) => ({
      sibling: sibling ?? '',
      type: type !== undefined,
    }),
  );
}

describe('the runtime folder', () => {
  it.each(files)('%s imports only sibling files, with .js extensions', (name) => {
    const source = readFileSync(folder + name, 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g)].map(
      (match) => match[1],
    );
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[a-z-]+\.js$/);
    // No static or literal dynamic import of any package or node: module; a sibling may be loaded lazily.
    for (const [, specifier] of source.matchAll(/import\s*\(\s*(?:\/\*.*?\*\/\s*)*(['"`][^'"`]*)/g)) {
      expect(specifier).toMatch(/^'\.\/[a-z-]+\.js$/);
    }
    expect(source).not.toMatch(/\brequire\s*\(/);
  });

  // Node pays for every module an import loads, so the runtime is one module per concept, and modules of
  // types only are imported with `import type` (a plain `import { type X }` may be kept as an import).
  // Batches, automatic batching, redirects of downloads, uploads and downloads load on first use.
  it('loads the index, the internal module and one module per concept at import', () => {
    const loaded = new Set<string>();
    const visit = (name: string): void => {
      if (loaded.has(name)) return;
      loaded.add(name);
      for (const { sibling, type } of importsOf(name)) if (!type) visit(sibling);
    };
    visit('index');
    visit('internal');
    expect([...loaded].sort()).toEqual([
      'answer',
      'authentication',
      'batch',
      'command',
      'concurrency',
      'cookie-authentication',
      'deadline',
      'errors',
      'index',
      'internal',
      'oauth',
      'service',
      'session',
      'sign-in',
      'transport',
    ]);
  });

  it('has no import cycle through authentication.ts, and none of values anywhere', () => {
    const cycles = (withTypes: boolean): string[] => {
      const found: string[] = [];
      const walk = (name: string, path: readonly string[]): void => {
        const at = path.indexOf(name);
        if (at >= 0) return void found.push([...path.slice(at), name].join(' -> '));
        for (const { sibling, type } of importsOf(name)) if (withTypes || !type) walk(sibling, [...path, name]);
      };
      for (const name of files) walk(name.replace(/\.ts$/, ''), []);
      return found;
    };
    expect(cycles(false)).toEqual([]);
    expect(cycles(true).filter((cycle) => cycle.includes('authentication'))).toEqual([]);
  });

  it("type-checks under the generated packages' compiler options (DOM lib, no @types/node)", () => {
    const { options, errors } = ts.convertCompilerOptionsFromJson(packageOptions, folder);
    expect(errors).toEqual([]);
    // ts-morph's Project: its TypeScript 5.9 carries the lib files in memory, not on disk.
    const project = new Project({ compilerOptions: options });
    for (const name of files) project.addSourceFileAtPath(folder + name);
    // The browser's own fetch (the DOM lib's) must fit `new Session({ fetch })` without a cast.
    project.createSourceFile(
      folder + 'fetch-fits.ts',
      "import type { FetchFunction } from './transport.js';\nexport const given: FetchFunction = fetch;\n",
    );
    const diagnostics = project
      .getPreEmitDiagnostics()
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  // Each module alone, its siblings left out: what is left of a module nothing uses is only its imports. (The
  // folder as a whole can not show it so, as esbuild wraps the modules that the session also loads with import().)
  it.each(files)('%s does nothing at import: a bundle that only imports it holds only its imports', async (name) => {
    const result = await build({
      stdin: { contents: `import './${name}';`, resolveDir: folder, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      external: ['./*.js'],
      write: false,
    });
    expect(
      (result.outputFiles[0]?.text ?? '').replace(/import\s*(?:\{[^}]*\}\s*from\s*)?"\.\/[a-z-]+\.js";/g, '').trim(),
    ).toBe('');
  });

  // What an app that makes JSON calls through a generated service carries (the service as a generated module
  // declares it): uploads, downloads and cookie sign-in stay out of its bundle.
  const app = `import { Session } from './index.ts';
    import { defineService } from './internal.ts';
    const UserService = defineService('UserService', { getUserById: ['/user/get-user-by-id', ['userId']] });
    export const user = new UserService(new Session({ server: 'https://portal.example.com' })).getUserById({ userId: 1 });`;

  async function gzippedBundle(contents: string): Promise<{ size: number; text: string }> {
    const result = await build({
      stdin: { contents, resolveDir: folder, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      plugins: [lazyChunks],
      write: false,
    });
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    return { size: gzipSync(bytes).length, text: new TextDecoder().decode(bytes) };
  }

  it('stays within 4 KB minified and gzipped for an app that does not transfer files', async () => {
    const { size, text } = await gzippedBundle(app);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThanOrEqual(4096);
    // The lazy modules are only referenced, and UploadData and CookieAuthentication are shaken off.
    for (const lazy of LAZY) expect(text).toContain(`import("${lazy}")`);
    for (const absent of ['multipart/form-data; boundary=', 'c/portal/login', 'content-length', 'fromPath'])
      expect(text).not.toContain(absent);
  });

  it('keeps the whole runtime, every export included, within 8 KB', async () => {
    const { size } = await gzippedBundle("export * from './index.ts';");
    expect(size).toBeLessThanOrEqual(8192);
  });
});
