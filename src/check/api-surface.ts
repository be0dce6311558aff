/**
 * A generated package's API as an app sees it, read with the TypeScript checker (ts-morph's bundled
 * TypeScript, in memory): per service, its module, methods, overloads (each with its parameters type's name,
 * its parameters and result as checker types) and descriptions; per model, its type and properties. Two
 * versions of a package are loaded into one program (under /before/ and /after/), so that their types can be
 * compared by assignability (api-changes.ts), not by their text.
 */
import type { Project, PropertySignature, SourceFile, Type, TypeNode } from 'ts-morph';

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
  readonly type: Type;
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

/**
 * An in-memory program for comparing package versions, with one runtime (the new package's) that both
 * versions import: the runtime is the generator's, compared on its own (release.ts), and its classes are
 * nominal, so two copies would make every type that names one differ. The DOM types it names stand in empty.
 */
export async function createApiProject(runtime: readonly SourceText[]): Promise<Project> {
  const { Project, ts } = await import('ts-morph');
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: [],
      skipLibCheck: true,
    },
  });
  project.createSourceFile('/dom-names.d.ts', 'interface AbortSignal {}\ninterface Blob {}\ninterface ReadableStream<R = unknown> {}\n');
  for (const file of runtime) project.createSourceFile(`/runtime/${file.path.replace(/^.*\//, '')}`, file.text);
  return project;
}

/** One version's files in a project, under `/<root>/`. */
export interface LoadedPackage {
  readonly services: ReadonlyMap<string, SourceFile>;
  readonly models: SourceFile | undefined;
}

/**
 * Adds one version under `/<root>/`. Every version is loaded before any API is read: adding a file makes
 * the project a new program, whose checker cannot compare types the old one made.
 */
export function loadPackage(project: Project, root: string, sources: PackageSources): LoadedPackage {
  const add = (source: SourceText) => project.createSourceFile(`/${root}/${source.path}`, source.text, { overwrite: true });
  // Its modules import `../runtime/index.js` (models: `./runtime/index.js`): there, the shared runtime.
  for (const folder of ['src', 'dist']) project.createSourceFile(`/${root}/${folder}/runtime/index.ts`, "export * from '../../../runtime/index.js';\n", { overwrite: true });
  return { services: new Map([...sources.services].map(([module, source]) => [module, add(source)])), models: sources.models === undefined ? undefined : add(sources.models) };
}

export async function readPackageApi(loaded: LoadedPackage): Promise<PackageApi> {
  const { Node } = await import('ts-morph');
  const services = new Map<string, ServiceApi>();
  const unreadable: string[] = [];
  for (const [module, source] of loaded.services) {
    const service = readService(Node, source, module);
    if (service === undefined) unreadable.push(source.getFilePath().replace(/^\/[^/]+\//, ''));
    else services.set(service.className, service);
  }
  return { services, models: loaded.models === undefined ? new Map() : readModels(loaded.models), unreadable };
}

type NodeApi = typeof import('ts-morph').Node;

/** `export interface XService<Style ...> { method: ServiceMethod<Style, P, R> & ...; }` and its parameters types. */
function readService(Node: NodeApi, source: SourceFile, module: string): ServiceApi | undefined {
  const declaration = source.getInterfaces().find((candidate) => candidate.getTypeParameters().length === 1);
  if (declaration === undefined) return undefined;
  const aliases = unionAliases(Node, source);
  const methods = new Map<string, MethodApi>();
  for (const property of declaration.getProperties()) {
    const typeNode = property.getTypeNode();
    if (typeNode === undefined) return undefined;
    const parts = Node.isIntersectionTypeNode(typeNode) ? typeNode.getTypeNodes() : [typeNode];
    const overloads: OverloadApi[] = [];
    for (const part of parts) {
      const overload = readOverload(Node, source, part);
      if (overload === undefined) return undefined;
      overloads.push(overload);
    }
    const name = property.getName();
    methods.set(name, { name, doc: docOf(property), unionName: aliases.get(overloads.map((overload) => overload.typeName).join('|')), overloads });
  }
  const types = new Set([...source.getInterfaces(), ...source.getTypeAliases()].filter((entry) => entry.isExported()).map((entry) => entry.getName()));
  return { className: declaration.getName(), module, methods, types };
}

/** `ServiceMethod<Style, P, R>` with P declared in the module (an interface, or `Record<string, never>`). */
function readOverload(Node: NodeApi, source: SourceFile, node: TypeNode): OverloadApi | undefined {
  if (!Node.isTypeReference(node)) return undefined;
  const [, parameters, result] = node.getTypeArguments();
  if (parameters === undefined || result === undefined) return undefined;
  const typeName = parameters.getText();
  const declared = source.getInterface(typeName);
  const members = new Map<string, TypedMember>();
  if (declared !== undefined) {
    for (const property of declared.getProperties()) members.set(memberName(property), typedMember(property));
  } else if (source.getTypeAlias(typeName) === undefined) {
    return undefined;
  }
  return { typeName, names: [...members.keys()], parameters: members, result: { type: result.getType(), text: result.getText() } };
}

/** Aliases that are a union of parameters types (`type XParameters = A | B`), by their members' names joined with `|`. */
function unionAliases(Node: NodeApi, source: SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  for (const alias of source.getTypeAliases()) {
    const node = alias.getTypeNode();
    const parts = node === undefined ? [] : Node.isUnionTypeNode(node) ? node.getTypeNodes() : [node];
    if (parts.length > 0 && parts.every((part) => Node.isTypeReference(part) && part.getTypeArguments().length === 0)) {
      found.set(parts.map((part) => part.getText()).join('|'), alias.getName());
    }
  }
  return found;
}

/** Every exported interface and alias of models.ts. */
function readModels(source: SourceFile): Map<string, ModelApi> {
  const models = new Map<string, ModelApi>();
  for (const declaration of source.getInterfaces()) {
    if (!declaration.isExported()) continue;
    const properties = new Map<string, TypedMember>();
    for (const index of declaration.getIndexSignatures()) {
      const type = index.getReturnTypeNode();
      if (type !== undefined) properties.set('[string]', { type: type.getType(), text: type.getText(), optional: false, doc: '' });
    }
    for (const property of declaration.getProperties()) properties.set(memberName(property), typedMember(property));
    models.set(declaration.getName(), { type: declaration.getType(), text: declaration.getName(), properties });
  }
  for (const alias of source.getTypeAliases()) {
    if (alias.isExported()) models.set(alias.getName(), { type: alias.getType(), text: alias.getTypeNode()?.getText() ?? '', properties: undefined });
  }
  return models;
}

function typedMember(property: PropertySignature): TypedMember {
  const node = property.getTypeNode();
  return { type: node?.getType() ?? property.getType(), text: node?.getText() ?? '', optional: property.hasQuestionToken(), doc: docOf(property) };
}

/** The name as the wire has it: quoted keys unquoted. */
function memberName(property: PropertySignature): string {
  return property.getSymbol()?.getName() ?? property.getName();
}

function docOf(node: PropertySignature): string {
  return node
    .getJsDocs()
    .map((doc) => doc.getInnerText())
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}
