/**
 * What a built package declares to its users: per JSON-WS path, the parameter names of each overload
 * signature in `dist/<folder>/*.d.ts`, read with the TypeScript parser. A method is tied to its path by the
 * `actions` constant of the built `dist/services/<id>.js` beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { BuiltPackage } from './built-package.js';

type ActionTable = Record<string, readonly [string, readonly (readonly unknown[])[]]>;

/** The `actions` constant of every built service module, by module id ("blogsentry"). */
export async function actionTables(built: BuiltPackage): Promise<Map<string, ActionTable>> {
  const tables = new Map<string, ActionTable>();
  for (const file of readdirSync(join(built.dist, 'services')).filter((name) => name.endsWith('.js')).sort()) {
    const module = await built.module(`services/${file}`);
    tables.set(file.replace(/\.js$/, ''), module['actions'] as ActionTable);
  }
  return tables;
}

/** Per path, the sorted name lists ("a,b") of the overload signatures declared in `dist/<folder>/<id>.d.ts`. */
export function declaredOverloads(built: BuiltPackage, folder: 'services' | 'callback', tables: Map<string, ActionTable>): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const [id, table] of tables) {
    const file = join(built.dist, folder, `${id}.d.ts`);
    for (const [method, names] of methodSignatures(file)) {
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
      byPath.set(path, [...(byPath.get(path) ?? []), ...overloads.map((specs) => specs.map(specName).join(','))]);
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

/** [method name, "a,b"] for every method signature of every class in a declaration file. */
function methodSignatures(file: string): [string, string][] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: [string, string][] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      found.push([member.name.text, parameterNames(member.parameters[0]?.type, file).join(',')]);
    }
  }
  return found;
}

/** The keys of a `parameters` type: a type literal, or `Record<string, never>` for none. */
function parameterNames(type: ts.TypeNode | undefined, file: string): string[] {
  if (type !== undefined && ts.isTypeLiteralNode(type)) {
    return type.members.map((member) => {
      const name = member.name;
      if (name === undefined || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) throw new Error(`${file}: odd member ${member.getText()}`);
      return name.text;
    });
  }
  if (type?.getText() === 'Record<string, never>') return [];
  throw new Error(`${file}: unexpected parameters type ${type?.getText() ?? '(none)'}`);
}
