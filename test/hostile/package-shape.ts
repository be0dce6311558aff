/**
 * The checks every package generated from a hostile document must pass without being compiled: (b) one
 * overload signature per distinct action of the document, with its parameter names intact; (c) file paths
 * that stay inside the package; (d) files that hold only what the templates intend, and no payload outside
 * string literals, comments, type positions and property keys.
 */
import { ts } from 'ts-morph';
import type { RenderedFile } from '../../src/render/render-package.js';
import { loadRuntimeFiles } from '../../src/render/runtime-sources.js';
import { CODE_MARKERS } from './hostile-text.js';
import { checkIndexModule, checkModelsModule, checkValueIdentifiers } from './module-shape.js';
import {
  checkCallbackIndex,
  checkServicesIndex,
  checkServiceTypesModule,
  fail,
  type ServiceClass,
} from './service-shape.js';

const FIXED_PATHS = new Set([
  'package.json',
  'tsconfig.json',
  'README.md',
  'CHANGELOG.md',
  'liferay-sdk.json',
  'src/index.ts',
  'src/models.ts',
  'src/services/index.ts',
  'src/callback/index.ts',
]);
const SERVICE_PATH = /^src\/services\/([a-z0-9]+(?:-[a-z0-9]+)*)\.ts$/;
const RUNTIME_PATH = /^src\/runtime\/[a-z]+(?:-[a-z]+)*\.ts$/;
/** File names stay well under the 255 bytes file systems allow, and are no Windows device names. */
const MAX_FILE_NAME = 120;
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Per JSON-WS path, the sorted parameter-name lists of its distinct actions (same names and types count once). */
export function expectedOverloads(document: Record<string, unknown>): Map<string, string[]> {
  const entries = (document['services'] ?? document['actions']) as {
    path: string;
    parameters: { name: string; type: string }[];
  }[];
  const byPath = new Map<string, Map<string, string>>();
  for (const entry of entries) {
    const signature = JSON.stringify(entry.parameters.map((parameter) => [parameter.name, parameter.type]));
    const names = JSON.stringify(entry.parameters.map((parameter) => parameter.name));
    byPath.set(entry.path, (byPath.get(entry.path) ?? new Map<string, string>()).set(signature, names));
  }
  return sortedMap(new Map([...byPath].map(([path, signatures]) => [path, [...signatures.values()]])));
}

export function checkPackageFiles(
  files: readonly RenderedFile[],
  document: Record<string, unknown>,
  runtime: readonly RenderedFile[],
): void {
  checkPaths(files, runtime);
  const generated = files.filter((file) => file.path.endsWith('.ts') && !RUNTIME_PATH.test(file.path));
  const sources = new Map(generated.map((file) => [file.path, parse(file)]));
  for (const file of generated) {
    checkValueIdentifiers(file.path, sources.get(file.path) as ts.SourceFile);
    checkMarkers(file.path, file.contents);
  }
  const source = (path: string): ts.SourceFile => sources.get(path) ?? fail(path, undefined, 'missing');
  const classes = checkServicesIndex('src/services/index.ts', source('src/services/index.ts'));
  checkCallbackIndex('src/callback/index.ts', source('src/callback/index.ts'), classes);
  checkIndexModule(
    'src/index.ts',
    source('src/index.ts'),
    classes.map((service) => service.className),
  );
  checkModelsModule('src/models.ts', source('src/models.ts'));
  const typesModules = generated.filter((file) => SERVICE_PATH.test(file.path) && !FIXED_PATHS.has(file.path));
  if (
    typesModules
      .map((file) => file.path)
      .sort()
      .join() !==
    classes
      .map((service) => `src/services/${service.fileName}.ts`)
      .sort()
      .join()
  ) {
    throw new Error('the types modules are not the ones services/index.ts names');
  }
  const declared = declaredOverloads(classes, source);
  const expected = JSON.stringify([...expectedOverloads(document)]);
  // The callback-style classes are the sync-style ones (checked by checkCallbackIndex), so their signatures are the sync ones.
  for (const [label, overloads] of [
    ['sync signatures', declared.signatures],
    ['runtime specs', declared.specs],
  ] as const) {
    const actual = JSON.stringify([...sortedMap(overloads)]);
    if (actual !== expected)
      throw new Error(
        `${label} differ from the document's actions:\n${actual.slice(0, 2000)}\nexpected\n${expected.slice(0, 2000)}`,
      );
  }
  checkJsonFiles(files);
}

/** Per JSON-WS path, the parameter names of each overload signature (from the types modules) and of each runtime spec. */
function declaredOverloads(
  classes: readonly ServiceClass[],
  source: (path: string) => ts.SourceFile,
): { signatures: Map<string, string[]>; specs: Map<string, string[]> } {
  const signatures = new Map<string, string[]>();
  const specs = new Map<string, string[]>();
  for (const service of classes) {
    const path = `src/services/${service.fileName}.ts`;
    const types = checkServiceTypesModule(path, source(path));
    if (types.className !== service.className)
      fail(path, undefined, `declares ${types.className}, services/index.ts expects ${service.className}`);
    if ([...types.methods.keys()].join() !== [...service.actions.keys()].join())
      fail(path, undefined, 'methods and actions differ');
    for (const [name, overloads] of types.methods) {
      const action = service.actions.get(name) ?? fail(path, undefined, `no actions entry for ${name}`);
      add(
        signatures,
        action.path,
        overloads.map((names) => JSON.stringify(names)),
      );
      add(
        specs,
        action.path,
        action.specs.map((names) => JSON.stringify(names)),
      );
    }
  }
  return { signatures, specs };
}

/** (c): known paths only; runtime files byte for byte. */
function checkPaths(files: readonly RenderedFile[], runtime: readonly RenderedFile[]): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    if (seen.has(path.toLowerCase())) throw new Error(`two files at ${path} (ignoring case)`);
    seen.add(path.toLowerCase());
    const service = FIXED_PATHS.has(path) ? null : SERVICE_PATH.exec(path);
    if (service !== null) {
      const name = service[1] ?? '';
      if (name === 'index' || name.length > MAX_FILE_NAME || DEVICE_NAMES.test(name))
        throw new Error(`unsafe service file name ${path.slice(0, 200)}`);
    } else if (!FIXED_PATHS.has(path) && !RUNTIME_PATH.test(path))
      throw new Error(`unexpected file path ${JSON.stringify(path.slice(0, 200))}`);
  }
  // Each runtime file is a runtime source byte for byte (read again if the sources changed since `runtime` was read).
  const sources = new Map(runtime.map((file) => [file.path, file.contents]));
  for (const file of files.filter((candidate) => RUNTIME_PATH.test(candidate.path))) {
    if (
      sources.get(file.path) !== file.contents &&
      loadRuntimeFiles().find((source) => source.path === file.path)?.contents !== file.contents
    ) {
      throw new Error(`${file.path} is not the runtime source`);
    }
  }
}

function parse(file: RenderedFile): ts.SourceFile {
  const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const [diagnostic] = (source as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostic !== undefined)
    throw new Error(
      `${file.path}: syntax error at ${diagnostic.start}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
    );
  return source;
}

/** Payload markers in the token stream, string literals and comments left out (white space too). */
function checkMarkers(path: string, text: string): void {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  let code = '';
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.StringLiteral && token !== ts.SyntaxKind.NoSubstitutionTemplateLiteral)
      code += scanner.getTokenText();
  }
  for (const marker of [...CODE_MARKERS.filter((entry) => entry !== '__injected'), 'globalThis.', '__injected=']) {
    if (code.includes(marker.replace(/\s+/g, '')))
      fail(path, undefined, `payload ${JSON.stringify(marker)} outside literals and comments`);
  }
}

/** package.json parses, keeps its scripts, and takes nothing but its name and description from the document; liferay-sdk.json keeps its fields. */
function checkJsonFiles(files: readonly RenderedFile[]): void {
  const text = (path: string) => files.find((file) => file.path === path)?.contents ?? '';
  const manifest = JSON.parse(text('package.json')) as Record<string, unknown>;
  const keys = Object.keys(manifest).sort().join();
  if (keys !== 'description,devDependencies,exports,files,name,optionalDependencies,scripts,sideEffects,type,version')
    throw new Error(`package.json keys ${keys}`);
  if (JSON.stringify(manifest['scripts']) !== '{"build":"tsc -p ."}') throw new Error('package.json scripts changed');
  JSON.parse(text('tsconfig.json'));
  const provenance = Object.keys(JSON.parse(text('liferay-sdk.json')) as object).join();
  if (
    provenance !==
    'generator,generatorVersion,portalVersion,discoveryFormat,context,discoverySha256,runtimeSha256,command,workingFolder'
  )
    throw new Error(`liferay-sdk.json keys ${provenance}`);
  const [first] = text('README.md').split('\n');
  if (
    first === undefined ||
    !first.startsWith('<!--') ||
    first.indexOf('-->') !== first.length - 3 ||
    first.indexOf('--!>') >= 0
  )
    throw new Error(`README.md: the header comment ends early: ${first}`);
}

function add(map: Map<string, string[]>, key: string, values: readonly string[]): void {
  map.set(key, [...(map.get(key) ?? []), ...values]);
}

function sortedMap(map: Map<string, string[]>): Map<string, string[]> {
  return new Map(
    [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, values]) => [key, [...values].sort()]),
  );
}
