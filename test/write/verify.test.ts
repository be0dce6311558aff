import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/discovery/decode-document.js';
import { renderPackages } from '../../src/generate.js';
import { buildApi } from '../../src/model/index.js';
import type { RenderedFile } from '../../src/render/render-package.js';
import { DOM_NAMES_TEXT, verifyPackage } from '../../src/write/verify.js';

const source = 'fixtures/discovery/7.x/portal.json';

async function renderedPackage(): Promise<RenderedFile[]> {
  const api = buildApi([decodeDocument({ text: readFileSync(source, 'utf8'), source })]);
  const [generated] = await renderPackages(api, { discovery: [source], verify: false });
  return [...(generated?.files ?? [])];
}

function edited(files: RenderedFile[], path: string, change: (text: string) => string): RenderedFile[] {
  return files.map((file) => (file.path === path ? { path, contents: change(file.contents) } : file));
}

describe('the verify stage', () => {
  it('passes a generated package', async () => {
    await expect(verifyPackage(await renderedPackage(), 'context portal')).resolves.toBeUndefined();
  });

  it.each<[string, string, (text: string) => string, RegExp]>([
    ['a type error', 'src/services/blogsentry.ts', (text) => text.replace('groupId: number;', 'groupId: NoSuchType;'), /src\/services\/blogsentry\.ts:\d+: Cannot find name 'NoSuchType'/],
    ['an import of a file that is not in the package', 'src/callback/index.ts', (text) => text.replace("} from '../services/index.js';", "} from '../../../../etc/services.js';"), /src\/callback\/index\.ts:\d+: Cannot find module/],
    ['a strict-mode error', 'src/index.ts', (text) => `${text}\nexport const unsafe = [1][0] + 1;\n`, /src\/index\.ts:\d+: Object is possibly 'undefined'/],
    ['a missing runtime export', 'src/services/index.ts', (text) => text.replace('import { defineService,', 'import { defineServices,'), /has no exported member named 'defineServices'/],
  ])('fails on %s, naming the file and line', async (_name, path, change, message) => {
    const files = edited(await renderedPackage(), path, change);
    await expect(verifyPackage(files, 'context portal')).rejects.toThrow(message);
    await expect(verifyPackage(files, 'context portal')).rejects.toMatchObject({ code: 'generate.verify' });
  });
});

describe("the verify stage's stand-ins for the DOM lib", () => {
  it('name every DOM type the runtime declarations use: they type-check with ES2022 and the stand-ins alone', async () => {
    const ts = (await import('typescript')).default;
    const folder = fileURLToPath(new URL('../../dist/runtime/', import.meta.url));
    // The declarations of today's runtime files (a dist/ built earlier may hold stale ones), each of them built.
    const sources = readdirSync(fileURLToPath(new URL('../../src/runtime/', import.meta.url))).filter((name) => name.endsWith('.ts'));
    const declarations = sources.map((name) => join(folder, name.replace(/\.ts$/, '.d.ts')));
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(sources.map((name) => name.replace(/\.ts$/, '.d.ts'))));
    const host = ts.createCompilerHost({});
    const standIns = join(folder, '__dom-names.d.ts');
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language) => (name === standIns ? ts.createSourceFile(name, DOM_NAMES_TEXT, language) : getSourceFile(name, language));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === standIns || fileExists(name);
    const options = { strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['lib.es2022.d.ts'], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
    const program = ts.createProgram([...declarations, standIns], options, host);
    const messages = ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
    expect(messages).toEqual([]);
  });
});
