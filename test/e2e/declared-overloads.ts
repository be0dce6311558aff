/**
 * What a built package declares to its users: per JSON-WS path, the parameter names of each overload
 * signature of the services `dist/index.d.ts` (or `dist/callback/index.d.ts`) exports, as the TypeScript
 * checker resolves them. A method is tied to its path by its service's actions table in the built
 * `dist/services/index.js`.
 */
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { BuiltPackage } from './built-package.js';

type ActionTable = Record<string, readonly [string, readonly (string | readonly unknown[])[]]>;

/**
 * An overload's parameter list, whichever form the generated table uses: the explicit list, or the compact
 * string of `name` / `name:kind[:className]` entries.
 */
export function overloadParameters(overload: string | readonly unknown[]): readonly unknown[] {
  if (typeof overload !== 'string') return overload;
  return overload === '' ? [] : overload.split(' ').map((entry) => (entry.includes(':') ? entry.split(':') : entry));
}

/** Each service's actions table, by class name ("BlogsEntryService"): the `<class>Actions` exports of `dist/services/index.js`. */
export async function actionTables(built: BuiltPackage): Promise<Map<string, ActionTable>> {
  const module = await built.module('services/index.js');
  const tables = new Map<string, ActionTable>();
  for (const name of Object.keys(module).sort()) {
    if (!name.endsWith('Actions')) tables.set(name, (module[`${name}Actions`] ?? {}) as ActionTable);
  }
  return tables;
}

/**
 * Per path, the sorted name lists ("a,b") of the overload signatures a user of the package's index sees:
 * the TypeScript checker resolves each exported service class's instance type, so what is counted is what
 * a call is checked against, however the declarations are spelled.
 */
export function declaredOverloads(
  built: BuiltPackage,
  style: 'services' | 'callback',
  tables: Map<string, ActionTable>,
): Map<string, string[]> {
  const file = join(built.dist, style === 'callback' ? 'callback' : '', 'index.d.ts');
  // ts-morph's Project: its TypeScript 5.9 carries the lib files in memory, not on disk.
  const project = new Project({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022 },
  });
  project.addSourceFileAtPath(file);
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (source === undefined || module === undefined) throw new Error(`${file}: declaration file not found`);
  const exports = new Map(checker.getExportsOfModule(module).map((symbol) => [symbol.name, symbol]));
  const byPath = new Map<string, string[]>();
  for (const [name, table] of tables) {
    const symbol = exports.get(name);
    if (symbol === undefined) throw new Error(`${file} does not export ${name}`);
    for (const [method, names] of methodSignatures(checker, source, symbol, style)) {
      const path = table[method]?.[0];
      if (path === undefined) throw new Error(`${name}: method ${method} has no entry in its actions table`);
      byPath.set(path, [...(byPath.get(path) ?? []), names]);
    }
  }
  return sortedByPath(byPath);
}

/** Per path, the sorted name lists of the overloads in the runtime `actions` specs. */
export function specOverloads(tables: Map<string, ActionTable>): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const table of tables.values()) {
    for (const [path, overloads] of Object.values(table)) {
      byPath.set(path, [
        ...(byPath.get(path) ?? []),
        ...overloads.map((overload) => overloadParameters(overload).map(specName).join(',')),
      ]);
    }
  }
  return sortedByPath(byPath);
}

function specName(spec: unknown): string {
  return typeof spec === 'string' ? spec : String((spec as readonly unknown[])[0]);
}

function sortedByPath(byPath: Map<string, string[]>): Map<string, string[]> {
  return new Map([...byPath].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, names]) => [path, [...names].sort()]));
}

/** [method name, "a,b"] for every call signature of every method of an exported service class. */
function methodSignatures(
  checker: ts.TypeChecker,
  source: ts.SourceFile,
  service: ts.Symbol,
  style: 'services' | 'callback',
): [string, string][] {
  const target = service.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(service) : service;
  const constructors = checker.getTypeOfSymbolAtLocation(target, source).getConstructSignatures();
  const instance = constructors[0]?.getReturnType();
  if (constructors.length !== 1 || instance === undefined) throw new Error(`${service.name} is not a class`);
  const found: [string, string][] = [];
  for (const method of instance.getProperties()) {
    for (const signature of checker.getTypeOfSymbolAtLocation(method, source).getCallSignatures()) {
      const [parameters, second] = signature.getParameters();
      const result = checker.typeToString(signature.getReturnType());
      const shape =
        style === 'callback'
          ? second?.name === 'callback' && result === 'void'
          : second?.name === 'options' && result.startsWith('Promise<');
      if (parameters === undefined || !shape)
        throw new Error(
          `${service.name}: ${method.name} has an unexpected ${style} signature ${checker.signatureToString(signature)}`,
        );
      const keys = checker
        .getTypeOfSymbolAtLocation(parameters, source)
        .getProperties()
        .map((property) => property.name);
      found.push([method.name, keys.join(',')]);
    }
  }
  return found;
}
