/**
 * What a generated service module may contain, checked on its syntax tree: type-only imports, the `actions`
 * constant made of string literals only, and one class whose members are the `#session` field, the
 * constructor and methods whose one statement is the template's. Anything else is code the templates did
 * not intend. Returns, per method, its JSON-WS path and the parameter names of each overload signature.
 */
import ts from 'typescript';

export type Style = 'sync' | 'callback';

export interface DeclaredMethod {
  readonly path: string;
  /** Per overload signature, the keys of its `parameters` type, in order. */
  readonly overloads: readonly (readonly string[])[];
  /** Per overload in `actions`, the parameter names. */
  readonly specs: readonly (readonly string[])[];
}

const IMPLEMENTATION: Record<Style, (name: string) => string> = {
  sync: (name) => `return this.#session.invoke(actions.${name}, parameters, options);`,
  callback: (name) => `invokeWithCallback(this.#session, actions.${name}, parameters, callback, options);`,
};
const SIGNATURE_PARAMETERS: Record<Style, string> = { sync: 'parameters,options', callback: 'parameters,callback,options' };

export function fail(file: string, node: ts.Node | undefined, what: string): never {
  throw new Error(`${file}: ${what}${node === undefined ? '' : `: ${node.getText().slice(0, 300)}`}`);
}

/** Checks a sync-style service module and returns its methods by name. */
export function checkServiceModule(file: string, source: ts.SourceFile): Map<string, DeclaredMethod> {
  let paths: Map<string, { path: string; specs: string[][] }> | undefined;
  let methods: Map<string, string[][]> | undefined;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) checkImport(file, statement, ['../runtime/index.js', '../models.js'], true);
    else if (ts.isVariableStatement(statement) && paths === undefined) paths = readActions(file, statement);
    else if (ts.isClassDeclaration(statement) && methods === undefined) methods = checkClass(file, statement, 'sync');
    else fail(file, statement, 'unexpected statement');
  }
  if (paths === undefined || methods === undefined) fail(file, undefined, 'no actions constant or no class');
  if ([...paths.keys()].join() !== [...methods.keys()].join()) fail(file, undefined, 'methods and actions differ');
  return new Map([...methods].map(([name, overloads]) => [name, { path: paths.get(name)?.path ?? '', overloads, specs: paths.get(name)?.specs ?? [] }]));
}

/** Checks a callback-style module: it imports `invokeWithCallback` and the sync module's `actions`, nothing else. */
export function checkCallbackModule(file: string, source: ts.SourceFile, fileName: string): Map<string, string[][]> {
  let methods: Map<string, string[][]> | undefined;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const valueImport = from === `../services/${fileName}.js` ? 'actions' : from === '../runtime/index.js' ? 'invokeWithCallback' : undefined;
      checkImport(file, statement, ['../runtime/index.js', '../models.js', `../services/${fileName}.js`], valueImport);
    } else if (ts.isClassDeclaration(statement) && methods === undefined) methods = checkClass(file, statement, 'callback');
    else fail(file, statement, 'unexpected statement');
  }
  if (methods === undefined) fail(file, undefined, 'no class');
  return methods;
}

/** `import type { A, B } from '<allowed>'`, or (valueImport) exactly `import { <valueImport> } from ...`. */
function checkImport(file: string, statement: ts.ImportDeclaration, allowed: readonly string[], valueImport: true | string | undefined): void {
  const from = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
  const clause = statement.importClause;
  if (!allowed.includes(from) || clause === undefined || clause.name !== undefined || statement.attributes !== undefined) fail(file, statement, 'unexpected import');
  const bindings = clause.namedBindings;
  if (bindings === undefined || !ts.isNamedImports(bindings) || bindings.elements.some((element) => element.propertyName !== undefined || element.isTypeOnly)) fail(file, statement, 'unexpected import bindings');
  if (clause.isTypeOnly) return;
  const names = bindings.elements.map((element) => element.name.text);
  if (typeof valueImport !== 'string' || names.join() !== valueImport) fail(file, statement, 'unexpected value import');
}

/** `export const actions = { name: ['path', [[specs...], ...]], ... } satisfies Record<string, ActionSpec>;` */
function readActions(file: string, statement: ts.VariableStatement): Map<string, { path: string; specs: string[][] }> {
  const [declaration, ...others] = statement.declarationList.declarations;
  const exported = statement.modifiers?.length === 1 && statement.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
  const value = declaration?.initializer;
  if (!exported || !isConst || others.length > 0 || declaration === undefined || declaration.type !== undefined || !ts.isIdentifier(declaration.name) || declaration.name.text !== 'actions') fail(file, statement, 'unexpected variable');
  if (value === undefined || !ts.isSatisfiesExpression(value) || value.type.getText() !== 'Record<string, ActionSpec>' || !ts.isObjectLiteralExpression(value.expression)) fail(file, statement, 'actions is not the template object');
  const table = new Map<string, { path: string; specs: string[][] }>();
  for (const property of value.expression.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || !ts.isArrayLiteralExpression(property.initializer)) fail(file, property, 'unexpected actions entry');
    const [path, overloads, ...rest] = property.initializer.elements;
    if (path === undefined || !ts.isStringLiteral(path) || overloads === undefined || !ts.isArrayLiteralExpression(overloads) || rest.length > 0) fail(file, property, 'unexpected actions entry');
    table.set(property.name.text, { path: path.text, specs: overloads.elements.map((overload) => specNames(file, overload)) });
  }
  return table;
}

/** An overload's specs: string literals, or arrays of string literals. */
function specNames(file: string, overload: ts.Expression): string[] {
  if (!ts.isArrayLiteralExpression(overload)) fail(file, overload, 'unexpected overload spec');
  return overload.elements.map((spec) => {
    if (ts.isStringLiteral(spec)) return spec.text;
    if (!ts.isArrayLiteralExpression(spec) || !spec.elements.every(ts.isStringLiteral)) fail(file, spec, 'unexpected parameter spec');
    return (spec.elements[0] as ts.StringLiteral).text;
  });
}

/** One exported class: `readonly #session: Invoker`, the constructor, overload signatures and template implementations. */
function checkClass(file: string, declaration: ts.ClassDeclaration, style: Style): Map<string, string[][]> {
  const exported = declaration.modifiers?.length === 1 && declaration.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  if (!exported || declaration.name === undefined || declaration.heritageClauses !== undefined || declaration.typeParameters !== undefined) fail(file, declaration, 'unexpected class');
  const [field, constructor, ...methods] = declaration.members;
  if (field === undefined || field.getText() !== 'readonly #session: Invoker;') fail(file, field, 'unexpected first member');
  if (constructor === undefined || !ts.isConstructorDeclaration(constructor) || compact(constructor.getText()) !== 'constructor(session:Invoker){this.#session=session;}') fail(file, constructor, 'unexpected constructor');
  const found = new Map<string, string[][]>();
  for (const method of methods) {
    if (!ts.isMethodDeclaration(method) || !ts.isIdentifier(method.name) || method.modifiers !== undefined || method.asteriskToken !== undefined || method.questionToken !== undefined) fail(file, method, 'unexpected member');
    const name = method.name.text;
    if (method.parameters.map((parameter) => parameter.name.getText()).join() !== SIGNATURE_PARAMETERS[style]) fail(file, method, 'unexpected parameters');
    if (method.body === undefined) {
      found.set(name, [...(found.get(name) ?? []), parameterKeys(file, method.parameters[0]?.type)]);
      continue;
    }
    const [statement, ...more] = method.body.statements;
    if (statement === undefined || more.length > 0 || compact(statement.getText()) !== compact(IMPLEMENTATION[style](name))) fail(file, method, 'unexpected method body');
  }
  return found;
}

/** The keys of a `parameters` type: a type literal of property signatures, or `Record<string, never>`. */
function parameterKeys(file: string, type: ts.TypeNode | undefined): string[] {
  if (type !== undefined && ts.isTypeLiteralNode(type)) {
    return type.members.map((member) => {
      if (!ts.isPropertySignature(member) || member.name === undefined || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) fail(file, member, 'unexpected parameters member');
      return member.name.text;
    });
  }
  if (type?.getText() === 'Record<string, never>') return [];
  fail(file, type, 'unexpected parameters type');
}

/** Text without white space and trailing commas, so that prettier's line breaks do not matter. */
function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/,\)/g, ')');
}
