/**
 * A generated package's API as an app sees it, read with the TypeScript checker: per service, its module,
 * methods, overloads (each with its parameters type's name, its parameters and result as checker types)
 * and descriptions; per model, its type and properties. Two versions of a package go into one in-memory
 * program (under /before/ and /after/), so that their types can be compared by assignability
 * (api-changes.ts), not by their text. The compiler is ts-morph's bundled TypeScript (the project's own
 * `typescript` is the native TypeScript 7, which has no in-process API), with its lib files in memory.
 */
import { createRequire } from 'node:module';
import type { ts as TS } from 'ts-morph';

type Morph = typeof import('ts-morph');

/** One version of a package's API-bearing files: service modules by file stem, models, runtime. */
export interface PackageSources {
  readonly services: ReadonlyMap<string, SourceText>;
  readonly models: SourceText | undefined;
  readonly runtime: readonly SourceText[];
}

export interface SourceText {
  /** Relative to the package: `src/services/dlapp.ts`, or `dist/services/dlapp.d.ts` for `--emit js`. */
  readonly path: string;
  readonly text: string;
}

export interface PackageApi {
  /** By class name. */
  readonly services: ReadonlyMap<string, ServiceApi>;
  /** Types exported by models.ts, by name. */
  readonly models: ReadonlyMap<string, ModelApi>;
  /** Service modules whose shape this reader does not know (written by another generator version). */
  readonly unreadable: readonly string[];
}

export interface ServiceApi {
  readonly className: string;
  /** The module an app imports its types from: `services/<module>`. */
  readonly module: string;
  readonly methods: ReadonlyMap<string, MethodApi>;
  /** Every type the module exports. */
  readonly types: ReadonlySet<string>;
}

export interface MethodApi {
  readonly name: string;
  /** Its JSDoc, whitespace collapsed: descriptions, HTTP path, deprecation. */
  readonly doc: string;
  /** The union of its overloads' parameters types, when the module declares one. */
  readonly unionName: string | undefined;
  readonly overloads: readonly OverloadApi[];
}

export interface OverloadApi {
  /** The name of its parameters type. */
  readonly typeName: string;
  /** Parameter names in the portal's order. */
  readonly names: readonly string[];
  readonly parameters: ReadonlyMap<string, TypedMember>;
  readonly result: TypedText;
}

export interface TypedText {
  readonly type: TS.Type;
  readonly text: string;
}

export interface TypedMember extends TypedText {
  readonly optional: boolean;
  readonly doc: string;
}

export interface ModelApi extends TypedText {
  /** An interface's properties (an index signature is `[string]`); undefined for an alias. */
  readonly properties: ReadonlyMap<string, TypedMember> | undefined;
}

/** Both versions, read from one program, and the checker's assignability between their types. */
export interface ComparedApis {
  readonly before: PackageApi;
  readonly after: PackageApi;
  readonly isAssignable: (source: TS.Type, target: TS.Type) => boolean;
}

/** ts-morph through require(): an import() would have Node scan its bundled TypeScript for named exports (about 1 s). */
function loadMorph(): Morph {
  return createRequire(import.meta.url)('ts-morph') as Morph;
}

const OPTIONS = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: 99 /* ESNext */,
  module: 99 /* ESNext */,
  moduleResolution: 100 /* Bundler */,
  lib: ['lib.es2022.d.ts'],
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

/**
 * Loads both versions and reads their APIs. One runtime (the new package's) serves both: the runtime is
 * the generator's, compared on its own (release.ts), and its classes are nominal, so two copies would make
 * every type that names one differ. The DOM types it names stand in empty, as in verify.
 */
export function readApis(before: PackageSources, after: PackageSources): ComparedApis {
  const { Project, ts } = loadMorph();
  const memory = new Map<string, string>([
    ['/dom-names.d.ts', 'interface AbortSignal {}\ninterface Blob {}\ninterface ReadableStream<R = unknown> {}\n'],
  ]);
  for (const file of after.runtime) memory.set(`/runtime/${file.path.replace(/^.*\//, '')}`, file.text);
  const roots = { before: place(memory, 'before', before), after: place(memory, 'after', after) };
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: OPTIONS });
  for (const [name, text] of memory) project.createSourceFile(name, text, { overwrite: true });
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const read = (root: Placed): PackageApi => readPackage(ts, program, checker, root);
  return {
    before: read(roots.before),
    after: read(roots.after),
    isAssignable: (source, target) => checker.isTypeAssignableTo(source, target),
  };
}

interface Placed {
  readonly services: ReadonlyMap<string, string>;
  readonly models: string | undefined;
}

/** Puts a version's files under `/<root>/`; its modules' `../runtime/index.js` (models: `./runtime/index.js`) is the shared runtime. */
function place(memory: Map<string, string>, root: string, sources: PackageSources): Placed {
  for (const folder of ['src', 'dist'])
    memory.set(`/${root}/${folder}/runtime/index.ts`, "export * from '../../../runtime/index.js';\n");
  const services = new Map<string, string>();
  for (const [module, source] of sources.services) {
    memory.set(`/${root}/${source.path}`, source.text);
    services.set(module, `/${root}/${source.path}`);
  }
  if (sources.models !== undefined) memory.set(`/${root}/${sources.models.path}`, sources.models.text);
  return { services, models: sources.models === undefined ? undefined : `/${root}/${sources.models.path}` };
}

function readPackage(ts: typeof TS, program: TS.Program, checker: TS.TypeChecker, placed: Placed): PackageApi {
  const services = new Map<string, ServiceApi>();
  const unreadable: string[] = [];
  for (const [module, path] of placed.services) {
    const source = program.getSourceFile(path);
    const service = source === undefined ? undefined : readService(ts, checker, source, module);
    if (service === undefined) unreadable.push(path.replace(/^\/[^/]+\//, ''));
    else services.set(service.className, service);
  }
  const models = placed.models === undefined ? undefined : program.getSourceFile(placed.models);
  return { services, models: models === undefined ? new Map() : readModels(ts, checker, models), unreadable };
}

/** `export interface XService<Style ...> { method: ServiceMethod<Style, P, R> & ...; }` and its parameters types. */
function readService(
  ts: typeof TS,
  checker: TS.TypeChecker,
  source: TS.SourceFile,
  module: string,
): ServiceApi | undefined {
  const interfaces = source.statements.filter(ts.isInterfaceDeclaration);
  const declaration = interfaces.find((candidate) => candidate.typeParameters?.length === 1);
  if (declaration === undefined) return undefined;
  const byName = new Map(interfaces.map((entry) => [entry.name.text, entry]));
  const aliases = source.statements.filter(ts.isTypeAliasDeclaration);
  const unions = unionAliases(ts, source, aliases);
  const methods = new Map<string, MethodApi>();
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || member.type === undefined) return undefined;
    const parts = ts.isIntersectionTypeNode(member.type) ? member.type.types : [member.type];
    const overloads: OverloadApi[] = [];
    for (const part of parts) {
      const overload = readOverload(ts, checker, source, part, byName, aliases);
      if (overload === undefined) return undefined;
      overloads.push(overload);
    }
    const name = memberName(ts, member.name);
    methods.set(name, {
      name,
      doc: docOf(source, member),
      unionName: unions.get(overloads.map((overload) => overload.typeName).join('|')),
      overloads,
    });
  }
  const exported = [...interfaces, ...aliases].filter(
    (entry) => entry.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) === true,
  );
  return {
    className: declaration.name.text,
    module,
    methods,
    types: new Set(exported.map((entry) => entry.name.text)),
  };
}

/** `ServiceMethod<Style, P, R>` with P declared in the module (an interface, or `Record<string, never>`). */
function readOverload(
  ts: typeof TS,
  checker: TS.TypeChecker,
  source: TS.SourceFile,
  node: TS.TypeNode,
  interfaces: ReadonlyMap<string, TS.InterfaceDeclaration>,
  aliases: readonly TS.TypeAliasDeclaration[],
): OverloadApi | undefined {
  if (!ts.isTypeReferenceNode(node)) return undefined;
  const [, parameters, result] = node.typeArguments ?? [];
  if (parameters === undefined || result === undefined) return undefined;
  const typeName = parameters.getText(source);
  const declared = interfaces.get(typeName);
  if (declared === undefined && !aliases.some((alias) => alias.name.text === typeName)) return undefined;
  const members = new Map<string, TypedMember>();
  for (const member of declared?.members ?? []) {
    if (ts.isPropertySignature(member)) members.set(memberName(ts, member.name), typedMember(checker, source, member));
  }
  return {
    typeName,
    names: [...members.keys()],
    parameters: members,
    result: { type: checker.getTypeFromTypeNode(result), text: result.getText(source) },
  };
}

/** Aliases that are a union of parameters types (`type XParameters = A | B`), by their members' names joined with `|`. */
function unionAliases(
  ts: typeof TS,
  source: TS.SourceFile,
  aliases: readonly TS.TypeAliasDeclaration[],
): Map<string, string> {
  const found = new Map<string, string>();
  for (const alias of aliases) {
    const parts = ts.isUnionTypeNode(alias.type) ? alias.type.types : [alias.type];
    if (parts.every((part) => ts.isTypeReferenceNode(part) && part.typeArguments === undefined))
      found.set(parts.map((part) => part.getText(source)).join('|'), alias.name.text);
  }
  return found;
}

/** Every exported interface and alias of models.ts. */
function readModels(ts: typeof TS, checker: TS.TypeChecker, source: TS.SourceFile): Map<string, ModelApi> {
  const models = new Map<string, ModelApi>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const properties = new Map<string, TypedMember>();
      for (const member of statement.members) {
        if (ts.isIndexSignatureDeclaration(member)) {
          properties.set('[string]', {
            type: checker.getTypeFromTypeNode(member.type),
            text: member.type.getText(source),
            optional: false,
            doc: '',
          });
        } else if (ts.isPropertySignature(member)) {
          properties.set(memberName(ts, member.name), typedMember(checker, source, member));
        }
      }
      models.set(statement.name.text, {
        type: checker.getTypeAtLocation(statement.name),
        text: statement.name.text,
        properties,
      });
    } else if (ts.isTypeAliasDeclaration(statement)) {
      models.set(statement.name.text, {
        type: checker.getTypeFromTypeNode(statement.type),
        text: statement.type.getText(source),
        properties: undefined,
      });
    }
  }
  return models;
}

function typedMember(checker: TS.TypeChecker, source: TS.SourceFile, member: TS.PropertySignature): TypedMember {
  const type = member.type === undefined ? checker.getAnyType() : checker.getTypeFromTypeNode(member.type);
  return {
    type,
    text: member.type?.getText(source) ?? 'any',
    optional: member.questionToken !== undefined,
    doc: docOf(source, member),
  };
}

/** The name as the wire has it: quoted keys unquoted. */
function memberName(ts: typeof TS, name: TS.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText();
}

/** The `/** ... *\/` comments before a node, without their stars, whitespace collapsed. */
function docOf(source: TS.SourceFile, node: TS.Node): string {
  const leading = source.text.slice(node.getFullStart(), node.getStart(source));
  return (leading.match(/\/\*\*[\s\S]*?\*\//g) ?? [])
    .map((comment) => comment.slice(3, -2).replace(/^\s*\* ?/gm, ''))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}
