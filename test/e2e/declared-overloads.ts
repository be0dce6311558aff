/**
 * What a built package declares to its users: per JSON-WS path, the parameter names of each overload
 * signature in `dist/<folder>/*.d.ts`, read with the TypeScript parser. A method is tied to its path by the
 * `actions` constant of the built `dist/services/<id>.js` beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
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

/** The `actions` constant of every built service module, by module id ("blogsentry"). */
export async function actionTables(built: BuiltPackage): Promise<Map<string, ActionTable>> {
  const tables = new Map<string, ActionTable>();
  for (const file of readdirSync(join(built.dist, 'services')).filter((name) => name.endsWith('.js')).sort()) {
    const module = await built.module(`services/${file}`);
    tables.set(file.replace(/\.js$/, ''), module['actions'] as ActionTable);
  }
  return tables;
}

/**
 * Per path, the sorted name lists ("a,b") of the overload signatures a user of `dist/<folder>/<id>.d.ts`
 * sees: the TypeScript checker resolves the exported service class's instance type, so what is counted is
 * what a call is checked against, however the declarations are spelled.
 */
export function declaredOverloads(built: BuiltPackage, folder: 'services' | 'callback', tables: Map<string, ActionTable>): Map<string, string[]> {
  const files = [...tables.keys()].map((id) => join(built.dist, folder, `${id}.d.ts`));
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const byPath = new Map<string, string[]>();
  for (const [index, id] of [...tables.keys()].entries()) {
    const file = files[index] as string;
    const table = tables.get(id) as ActionTable;
    for (const [method, names] of methodSignatures(checker, program.getSourceFile(file), folder)) {
      const path = table[method]?.[0];
      if (path === undefined) throw new Error(`${file}: method ${method} has no entry in actions`);
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
      byPath.set(path, [...(byPath.get(path) ?? []), ...overloads.map((overload) => overloadParameters(overload).map(specName).join(','))]);
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

/** [method name, "a,b"] for every call signature of every method of the service class a module exports. */
function methodSignatures(checker: ts.TypeChecker, source: ts.SourceFile | undefined, style: 'services' | 'callback'): [string, string][] {
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (source === undefined || module === undefined) throw new Error('declaration file not found');
  const classes = checker.getExportsOfModule(module).filter((symbol) => symbol.name !== 'actions' && symbol.flags & ts.SymbolFlags.Value);
  if (classes.length !== 1) throw new Error(`${source.fileName} exports ${classes.length} service classes`);
  const constructors = checker.getTypeOfSymbolAtLocation(classes[0] as ts.Symbol, source).getConstructSignatures();
  const instance = constructors[0]?.getReturnType();
  if (constructors.length !== 1 || instance === undefined) throw new Error(`${source.fileName}: the service is not a class`);
  const found: [string, string][] = [];
  for (const method of instance.getProperties()) {
    for (const signature of checker.getTypeOfSymbolAtLocation(method, source).getCallSignatures()) {
      const [parameters, second] = signature.getParameters();
      const result = checker.typeToString(signature.getReturnType());
      const shape = style === 'callback' ? second?.name === 'callback' && result === 'void' : second?.name === 'options' && result.startsWith('Promise<');
      if (parameters === undefined || !shape) throw new Error(`${source.fileName}: ${method.name} has an unexpected ${style} signature ${checker.signatureToString(signature)}`);
      const keys = checker.getTypeOfSymbolAtLocation(parameters, source).getProperties().map((property) => property.name);
      found.push([method.name, keys.join(',')]);
    }
  }
  return found;
}
