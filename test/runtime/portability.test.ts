import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

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

describe('the runtime folder', () => {
  it.each(files)('%s imports only sibling files, with .js extensions', (name) => {
    const source = readFileSync(folder + name, 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g)].map((match) => match[1]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[a-z-]+\.js$/);
    // No static or literal dynamic import of any package or node: module; a sibling may be loaded lazily.
    for (const [, specifier] of source.matchAll(/import\s*\(\s*(?:\/\*.*?\*\/\s*)*(['"`][^'"`]*)/g)) {
      expect(specifier).toMatch(/^'\.\/[a-z-]+\.js$/);
    }
    expect(source).not.toMatch(/\brequire\s*\(/);
  });

  // Node pays for every module an import loads, so the runtime is one module per concept, and modules of
  // types only are imported with `import type` (a plain `import { type X }` may be kept as an import).
  it('loads eight modules at import: the index and one per concept', () => {
    const loaded = new Set<string>();
    const visit = (name: string): void => {
      if (loaded.has(name)) return;
      loaded.add(name);
      const source = readFileSync(folder + name + '.ts', 'utf8');
      for (const [, type, sibling] of source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'\.\/([a-z-]+)\.js'/g)) {
        if (!type && sibling) visit(sibling);
      }
    };
    visit('index');
    expect([...loaded].sort()).toEqual(['authentication', 'batch', 'command', 'errors', 'index', 'service', 'session', 'transport']);
  });

  it("type-checks under the generated packages' compiler options (DOM lib, no @types/node)", () => {
    const { options, errors } = ts.convertCompilerOptionsFromJson(packageOptions, folder);
    expect(errors).toEqual([]);
    // ts-morph's Project: its TypeScript 5.9 carries the lib files in memory, not on disk.
    const project = new Project({ compilerOptions: options });
    for (const name of files) project.addSourceFileAtPath(folder + name);
    const diagnostics = project.getPreEmitDiagnostics().map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('does nothing at import: a bundle that only imports it is empty', async () => {
    const result = await build({
      stdin: { contents: "import './index.ts';", resolveDir: folder, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      // The upload and download modules are loaded on first use: bundlers give them chunks of their own.
      external: ['./upload.js', './download.js'],
      write: false,
    });
    expect(result.outputFiles[0]?.text).toBe('');
  });

  // What an app that makes JSON calls through a generated service carries (the service as a generated module
  // declares it): uploads, downloads and cookie sign-in stay out of its bundle.
  const app = `import { defineService, Session } from './index.ts';
    const UserService = defineService('UserService', { getUserById: ['/user/get-user-by-id', ['userId']] });
    export const user = new UserService(new Session({ server: 'https://portal.example.com' })).getUserById({ userId: 1 });`;

  async function gzippedBundle(contents: string): Promise<{ size: number; text: string }> {
    const result = await build({
      stdin: { contents, resolveDir: folder, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      external: ['./upload.js', './download.js'],
      write: false,
    });
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    return { size: gzipSync(bytes).length, text: new TextDecoder().decode(bytes) };
  }

  it('stays within 4 KB minified and gzipped for an app that does not transfer files', async () => {
    const { size, text } = await gzippedBundle(app);
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThanOrEqual(4096);
    // The upload module is only referenced, and download, UploadData and CookieAuthentication are shaken off.
    expect(text).toContain('import("./upload.js")');
    expect(text).toContain('import("./download.js")');
    for (const absent of ['multipart/form-data; boundary=', 'c/portal/login', 'content-length', 'fromPath'])
      expect(text).not.toContain(absent);
  });

  it('keeps the whole runtime, every export included, within 8 KB', async () => {
    const { size } = await gzippedBundle("export * from './index.ts';");
    expect(size).toBeLessThanOrEqual(8192);
  });
});
