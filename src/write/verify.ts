/**
 * Verify: type-check the generated package in memory, with the options its own tsconfig.json gives, before
 * anything is written. A diagnostic means a generator bug or input we failed to sanitise: fail loudly.
 * Uses the compiler API directly: one program over the package's files and TypeScript's own lib files, and
 * nothing else from disk. Declarations are not emitted (that is `tsc`'s job when the package is built). The
 * runtime, a byte-for-byte copy of src/runtime that this project's tests type-check under the packages' own
 * options, takes part through its declarations (built into dist/runtime): they name only three DOM types, so
 * the DOM lib (1.9 MB to parse) is replaced by those three names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packagePath } from '../package-root.js';
import type { RenderedFile } from '../render/render-package.js';
import { GenerationError } from './write-error.js';

const ROOT = '/package/';
/** A runtime file, at the package root or (when packages are checked together) in a package's folder. */
const RUNTIME_FILE = /(^|\/)src\/runtime\/[^/]+\.ts$/;
/** The runtime's declarations, as built from src/runtime (also when this module runs from src/, in tests). */
const RUNTIME_DECLARATIONS = packagePath('dist/runtime/');
const DOM_NAMES = `${ROOT}.verify/dom-names.d.ts`;
/** The DOM types that the runtime's declarations name (a test holds this list complete). */
export const DOM_NAMES_TEXT = 'interface AbortSignal {}\ninterface Blob {}\ninterface ReadableStream<R = unknown> {}\n';

/**
 * TypeScript through require(): an import() of this 9 MB CommonJS file would first have Node scan all of it
 * for named exports, which costs half a second.
 */
function loadTypeScript(): typeof import('typescript') {
  return createRequire(import.meta.url)('typescript') as typeof import('typescript');
}

export async function verifyPackage(files: readonly RenderedFile[], label: string): Promise<void> {
  const ts = loadTypeScript();
  // Every runtime folder (one per package; several when packages are checked together) gets the declarations.
  const isRuntime = (path: string) => RUNTIME_FILE.test(path);
  const runtimeFolders = new Set(files.filter((file) => isRuntime(file.path)).map((file) => ROOT + file.path.replace(/[^/]+$/, '')));
  const memory = new Map(files.filter((file) => !isRuntime(file.path)).map((file) => [ROOT + file.path, file.contents]));
  // Only those of the runtime's files: a dist/ built before runtime files were merged or renamed keeps stale ones.
  const runtimeNames = new Set(files.filter((file) => isRuntime(file.path)).map((file) => file.path.replace(/^.*\//, '').replace(/\.ts$/, '.d.ts')));
  const declarations = readdirSync(RUNTIME_DECLARATIONS).filter((entry) => runtimeNames.has(entry));
  for (const folder of runtimeFolders) {
    for (const name of declarations) memory.set(folder + name, readFileSync(join(RUNTIME_DECLARATIONS, name), 'utf8'));
  }
  memory.set(DOM_NAMES, DOM_NAMES_TEXT);
  const tsconfig = memory.get(`${ROOT}tsconfig.json`);
  const { compilerOptions = {} } = tsconfig === undefined ? {} : (JSON.parse(tsconfig) as { compilerOptions?: object });
  const converted = ts.convertCompilerOptionsFromJson(compilerOptions, ROOT).options;
  const lib = converted.lib?.filter((name) => !/^lib\.dom\b/.test(name));
  const options = { ...converted, ...(lib === undefined ? {} : { lib }), noEmit: true, declaration: false };
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
    // JSDoc in TypeScript files changes no type errors: it is left unparsed, as tsc itself does.
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
    getSourceFile: (name, language) => {
      const text = read(name);
      const options = typeof language === 'object' ? language : { languageVersion: language };
      return text === undefined ? undefined : ts.createSourceFile(name, text, { ...options, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors });
    },
    writeFile: () => undefined,
  };
  const roots = [...memory.keys()].filter((name) => name.endsWith('.ts') && !isRuntime(name));
  const program = ts.createProgram(roots, options, host);
  const checked = program.getSourceFiles().filter((source) => source.fileName.startsWith(ROOT) && !isRuntime(source.fileName) && source !== program.getSourceFile(DOM_NAMES));
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
