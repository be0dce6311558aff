/**
 * Verify: type-check the generated package in memory, with the options its own tsconfig.json gives, before
 * anything is written. A diagnostic means a generator bug or input we failed to sanitise: fail loudly.
 * Uses the compiler API directly: one program over the package's files and TypeScript's own lib files, and
 * nothing else from disk. Declarations are not emitted (that is `tsc`'s job when the package is built) and the
 * runtime, a byte-for-byte copy checked by this project's tests under the same options, is not re-checked.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { RenderedFile } from '../render/render-package.js';
import { GenerationError } from './write-error.js';

const ROOT = '/package/';

/**
 * TypeScript through require(): an import() of this 9 MB CommonJS file would first have Node scan all of it
 * for named exports, which costs half a second.
 */
function loadTypeScript(): typeof import('typescript') {
  return createRequire(import.meta.url)('typescript') as typeof import('typescript');
}

export async function verifyPackage(files: readonly RenderedFile[], label: string): Promise<void> {
  const ts = loadTypeScript();
  const memory = new Map(files.map((file) => [ROOT + file.path, file.contents]));
  const tsconfig = memory.get(`${ROOT}tsconfig.json`);
  const { compilerOptions = {} } = tsconfig === undefined ? {} : (JSON.parse(tsconfig) as { compilerOptions?: object });
  const options = { ...ts.convertCompilerOptionsFromJson(compilerOptions, ROOT).options, noEmit: true, declaration: false };
  const libDir = dirname(ts.getDefaultLibFilePath(options)) + '/';
  const folders = new Set([...memory.keys()].flatMap((path) => path.split('/').slice(1, -1).map((_, index, parts) => `/${parts.slice(0, index + 1).join('/')}`)));
  // Only the package's files and TypeScript's lib files exist for this program.
  const read = (name: string): string | undefined => memory.get(name) ?? (name.startsWith(libDir) ? ts.sys.readFile(name) : undefined);
  const host: import('typescript').CompilerHost = {
    ...ts.createCompilerHost(options, true),
    fileExists: (name) => memory.has(name) || (name.startsWith(libDir) && ts.sys.fileExists(name)),
    readFile: read,
    directoryExists: (name) => folders.has(name.replace(/\/$/, '')) || name.startsWith(libDir),
    getDirectories: () => [],
    realpath: (name) => name,
    getCurrentDirectory: () => ROOT,
    getSourceFile: (name, language) => {
      const text = read(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, language);
    },
    writeFile: () => undefined,
  };
  const roots = [...memory.keys()].filter((name) => name.endsWith('.ts'));
  const program = ts.createProgram(roots, options, host);
  const checked = program.getSourceFiles().filter((source) => source.fileName.startsWith(ROOT) && !source.fileName.startsWith(`${ROOT}src/runtime/`));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...checked.flatMap((source) => [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]),
  ];
  const first = diagnostics[0];
  if (first === undefined) return;
  const where = first.file === undefined ? '?' : `${first.file.fileName.replace(ROOT, '')}:${first.file.getLineAndCharacterOfPosition(first.start ?? 0).line + 1}`;
  throw new GenerationError(
    'generate.verify',
    `the generated package for ${label} does not type-check (${diagnostics.length} diagnostic(s)); first: ` +
      `${where}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}. This is a liferay-sdk-builder bug: please report it ` +
      '(--no-verify skips this check).',
  );
}
