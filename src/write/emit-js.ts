/**
 * `--emit js`: the package's TypeScript compiled in memory to ESM JavaScript plus `.d.ts` under `dist/`, for
 * consumers without a TypeScript build. Sources and tsconfig.json are not written in this mode.
 */
import type { RenderedFile } from '../render/render-package.js';
import { GenerationError } from './write-error.js';

export async function emitJavaScript(files: readonly RenderedFile[]): Promise<RenderedFile[]> {
  const { Project, ts } = await import('ts-morph');
  const tsconfig = files.find((file) => file.path === 'tsconfig.json');
  const { compilerOptions = {} } = tsconfig === undefined ? {} : (JSON.parse(tsconfig.contents) as { compilerOptions?: object });
  const options = ts.convertCompilerOptionsFromJson(compilerOptions, '/package').options;
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...options, rootDir: '/package/src', outDir: '/package/dist', declaration: true } });
  for (const file of files) if (file.path.startsWith('src/') && file.path.endsWith('.ts')) project.createSourceFile(`/package/${file.path}`, file.contents);
  const result = project.emitToMemory();
  if (result.getEmitSkipped()) throw new GenerationError('generate.emit', 'compiling the generated package to JavaScript failed (run without --emit js to see the diagnostics)');
  const headers = new Map(files.map((file) => [file.path.replace(/\.ts$/, ''), leadingComments(file.contents)]));
  const emitted = result.getFiles().map((file) => {
    const path = file.filePath.replace(/^\/package\//, '');
    return { path, contents: withHeader(file.text, headers.get(path.replace(/^dist\//, 'src/').replace(/\.(d\.ts|js)$/, '')) ?? '') };
  });
  const kept = files.filter((file) => !file.path.startsWith('src/') && file.path !== 'tsconfig.json');
  return [...kept, ...emitted].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The `//` lines a source file opens with: the DO NOT EDIT header, which the compiler drops with `import type`. */
function leadingComments(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function withHeader(text: string, header: string): string {
  return header === '' || text.startsWith(header) ? text : `${header}${text}`;
}
