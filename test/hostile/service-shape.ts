/**
 * What a generated service module may contain, checked on its syntax tree: type-only imports besides the
 * runtime's `defineService`, the `actions` constant made of string literals only, the service interface
 * (one `ServiceMethod<Style, XParameters, Result>` per overload), the class made by `defineService`, and the
 * parameters types. Anything else is code the templates did not intend. Returns, per method, its JSON-WS
 * path and the parameter names of each overload signature.
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

export function fail(file: string, node: ts.Node | undefined, what: string): never {
  throw new Error(`${file}: ${what}${node === undefined ? '' : `: ${node.getText().slice(0, 300)}`}`);
}

/** Checks a sync-style service module and returns its class name and its methods by name. */
export function checkServiceModule(file: string, source: ts.SourceFile): { className: string; methods: Map<string, DeclaredMethod> } {
  let paths: Map<string, { path: string; specs: string[][] }> | undefined;
  let methods: Map<string, string[]> | undefined;
  let className: string | undefined;
  const parameters = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      checkImport(file, statement, ['../runtime/index.js', '../models.js'], from === '../runtime/index.js' ? 'defineService' : undefined);
    } else if (ts.isVariableStatement(statement) && paths === undefined) paths = readActions(file, statement);
    else if (ts.isInterfaceDeclaration(statement) && methods === undefined) [className, methods] = checkServiceInterface(file, statement);
    else if (ts.isVariableStatement(statement) && className !== undefined) checkServiceClass(file, statement, className, 'defineService');
    else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) parameters.set(...parametersType(file, statement));
    else fail(file, statement, 'unexpected statement');
  }
  if (paths === undefined || methods === undefined || className === undefined) fail(file, undefined, 'no actions constant or no service interface');
  if ([...paths.keys()].join() !== [...methods.keys()].join()) fail(file, undefined, 'methods and actions differ');
  const keysOf = (name: string) => parameters.get(name) ?? fail(file, undefined, `parameters type ${name} is not declared`);
  const declared = [...methods].map(([name, overloads]) => [name, { path: paths.get(name)?.path ?? '', overloads: overloads.map(keysOf), specs: paths.get(name)?.specs ?? [] }] as const);
  return { className, methods: new Map(declared) };
}

/**
 * Checks a callback-style module: `defineCallbackService` from the runtime, `actions` and the service interface
 * from its sync-style module, the interface instantiated for callbacks, and the class. Returns the class name.
 */
export function checkCallbackModule(file: string, source: ts.SourceFile, fileName: string): string {
  const texts = source.statements.map((statement) => singleQuoted(compact(statement.getText())));
  const className = /^exporttype(\w+)=Methods<'callback'>;$/.exec(texts[2] ?? '')?.[1];
  const expected = [
    "import{defineCallbackService}from'../runtime/index.js';",
    `import{actions,type${className}asMethods}from'../services/${fileName}.js';`,
    `exporttype${className}=Methods<'callback'>;`,
  ];
  if (className === undefined || texts.length !== 4 || expected.some((text, index) => texts[index] !== text)) fail(file, undefined, `unexpected callback module: ${texts.join(' ').slice(0, 300)}`);
  checkServiceClass(file, source.statements[3] as ts.Statement, className, 'defineCallbackService');
  return className;
}

/** `export interface XService<Style extends CallStyle = 'sync'> { method: ServiceMethod<Style, P, R> & ...; }`: per method, its parameters types. */
function checkServiceInterface(file: string, declaration: ts.InterfaceDeclaration): [string, Map<string, string[]>] {
  const exported = declaration.modifiers?.length === 1 && declaration.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  const [style, ...more] = declaration.typeParameters ?? [];
  if (!exported || declaration.heritageClauses !== undefined || style === undefined || more.length > 0 || compact(style.getText()) !== "StyleextendsCallStyle='sync'") fail(file, declaration, 'unexpected service interface');
  const methods = new Map<string, string[]>();
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name) || member.questionToken !== undefined || member.modifiers !== undefined || member.type === undefined) fail(file, member, 'unexpected member');
    const overloads = ts.isIntersectionTypeNode(member.type) ? member.type.types : [member.type];
    methods.set(member.name.text, overloads.map((overload) => overloadParameters(file, overload)));
  }
  return [declaration.name.text, methods];
}

/** `ServiceMethod<Style, XParameters, Result>`: the name of its parameters type. */
function overloadParameters(file: string, overload: ts.TypeNode): string {
  const [style, parameters, result, ...more] = ts.isTypeReferenceNode(overload) ? (overload.typeArguments ?? []) : [];
  const ok = ts.isTypeReferenceNode(overload) && overload.typeName.getText() === 'ServiceMethod' && style?.getText() === 'Style' && result !== undefined && more.length === 0;
  if (!ok || parameters === undefined || !ts.isTypeReferenceNode(parameters) || !ts.isIdentifier(parameters.typeName) || parameters.typeArguments !== undefined) fail(file, overload, 'unexpected overload type');
  return parameters.typeName.text;
}

/** `export const XService = /* @__PURE__ *\/ defineService<XService>('XService', actions);` */
function checkServiceClass(file: string, statement: ts.Statement, className: string, define: string): void {
  const expected = `exportconst${className}=/*@__PURE__*/${define}<${className}>('${className}',actions);`;
  if (singleQuoted(compact(statement.getText())) !== expected) fail(file, statement, 'unexpected service class');
}

/** Rendered text has double quotes where prettier writes single ones; these statements hold no other quotes. */
function singleQuoted(text: string): string {
  return text.replace(/"/g, "'");
}

/** `export interface XParameters { key: type; ... }` or `export type XParameters = Record<string, never>;`: its keys in order. */
function parametersType(file: string, statement: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): [string, string[]] {
  const exported = statement.modifiers?.length === 1 && statement.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  if (!exported || statement.typeParameters !== undefined) fail(file, statement, 'unexpected parameters type');
  if (ts.isTypeAliasDeclaration(statement)) {
    if (statement.type.getText() !== 'Record<string, never>') fail(file, statement, 'unexpected parameters type');
    return [statement.name.text, []];
  }
  if (statement.heritageClauses !== undefined) fail(file, statement, 'unexpected parameters type');
  const keys = statement.members.map((member) => {
    if (!ts.isPropertySignature(member) || member.name === undefined || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) || member.type === undefined) fail(file, member, 'unexpected parameters member');
    return member.name.text;
  });
  return [statement.name.text, keys];
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

/** An overload's parameter names: the compact string (`a b:bytes c:context:Class`), or an array of string literals and arrays of them. */
function specNames(file: string, overload: ts.Expression): string[] {
  if (ts.isStringLiteral(overload)) return overload.text === '' ? [] : overload.text.split(' ').map((entry) => entry.split(':')[0] ?? '');
  if (!ts.isArrayLiteralExpression(overload)) fail(file, overload, 'unexpected overload spec');
  return overload.elements.map((spec) => {
    if (ts.isStringLiteral(spec)) return spec.text;
    if (!ts.isArrayLiteralExpression(spec) || !spec.elements.every(ts.isStringLiteral)) fail(file, spec, 'unexpected parameter spec');
    return (spec.elements[0] as ts.StringLiteral).text;
  });
}

/** Text without white space and trailing commas, so that prettier's line breaks do not matter. */
function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/,([)}])/g, '$1');
}
