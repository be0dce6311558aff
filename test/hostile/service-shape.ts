/**
 * What the generated service modules may contain, checked on their syntax trees. A service's types module:
 * type-only imports, the service interface (one `ServiceMethod<Style, XParameters, Result>` per overload) and
 * the parameters types. `services/index.ts`: per service, its actions table made of string literals only, a
 * type alias of its interface and the class made by `defineService`; `callback/index.ts` the same classes
 * made by `defineCallbackService`. Anything else is code the templates did not intend.
 */
import { ts } from 'ts-morph';

export type Style = 'sync' | 'callback';

export function fail(file: string, node: ts.Node | undefined, what: string): never {
  throw new Error(`${file}: ${what}${node === undefined ? '' : `: ${node.getText().slice(0, 300)}`}`);
}

/** Checks a service's types module: its interface name, and per method the keys of each overload's parameters type. */
export function checkServiceTypesModule(
  file: string,
  source: ts.SourceFile,
): { className: string; methods: Map<string, string[][]> } {
  let methods: Map<string, string[]> | undefined;
  let className: string | undefined;
  const parameters = new Map<string, string[]>();
  const unions = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement))
      checkImport(file, statement, ['../runtime/index.js', '../models.js'], undefined);
    else if (ts.isInterfaceDeclaration(statement) && methods === undefined)
      [className, methods] = checkServiceInterface(file, statement);
    else if (ts.isTypeAliasDeclaration(statement) && unionMembers(statement) !== undefined)
      unions.set(statement.name.text, unionMembers(statement) ?? []);
    else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))
      parameters.set(...parametersType(file, statement));
    else fail(file, statement, 'unexpected statement');
  }
  if (methods === undefined || className === undefined) fail(file, undefined, 'no service interface');
  // Each method's `<Method>Parameters` names exactly its overloads' types, in order.
  const declared = [...methods.values()].map((overloads) => overloads.join('|')).sort();
  if (
    [...unions.values()]
      .map((members) => members.join('|'))
      .sort()
      .join('\n') !== declared.join('\n')
  )
    fail(file, undefined, 'the unions of parameters types do not match the methods');
  const keysOf = (name: string) =>
    parameters.get(name) ?? fail(file, undefined, `parameters type ${name} is not declared`);
  return { className, methods: new Map([...methods].map(([name, overloads]) => [name, overloads.map(keysOf)])) };
}

/** One service in `services/index.ts`: its actions table's name and entries, and the types module its alias names. */
export interface ServiceClass {
  readonly className: string;
  readonly actionsName: string;
  readonly fileName: string;
  readonly actions: Map<string, { path: string; specs: string[][] }>;
}

const SERVICES_INDEX_IMPORTS = [
  "importtype{CallStyle}from'../runtime/index.js';",
  "import{defineService,typeActionSpec}from'../runtime/internal.js';",
];

/**
 * `services/index.ts`: the runtime imports, then per service three statements: its actions table, the type
 * alias of its interface (an import type of its own types module) and its class made by `defineService`.
 */
export function checkServicesIndex(file: string, source: ts.SourceFile): ServiceClass[] {
  const statements = [...source.statements];
  const imports = statements.splice(0, 2).map((statement) => singleQuoted(compact(statement.getText())));
  if (imports.join() !== SERVICES_INDEX_IMPORTS.join() || statements.length % 3 !== 0)
    fail(file, undefined, `unexpected services index: ${imports.join(' ').slice(0, 300)}`);
  const services: ServiceClass[] = [];
  for (let index = 0; index < statements.length; index += 3) {
    const [table, alias, definition] = statements.slice(index, index + 3) as [ts.Statement, ts.Statement, ts.Statement];
    if (!ts.isVariableStatement(table)) fail(file, table, 'expected an actions table');
    const { name: actionsName, actions } = readActions(file, table);
    const aliasText = singleQuoted(compact(alias.getText()));
    const match =
      /^exporttype(\w+)<StyleextendsCallStyle='sync'>=import\('\.\/([a-z0-9]+(?:-[a-z0-9]+)*)\.js'\)\.(\w+)<Style>;$/.exec(
        aliasText,
      );
    if (match?.[1] === undefined || match[2] === undefined || match[3] !== match[1])
      fail(file, alias, 'unexpected service type alias');
    checkServiceClass(file, definition, match[1], 'defineService', `${match[1]}<'chain'>`, actionsName);
    services.push({ className: match[1], actionsName, fileName: match[2], actions });
  }
  return services;
}

/**
 * `callback/index.ts`: the runtime's `defineCallbackService`, the actions tables from `services/index.ts`, the
 * runtime and models re-exported, then per service (the same ones, in the same order) its sync-style type alias
 * instantiated for callbacks and its class made by `defineCallbackService`.
 */
export function checkCallbackIndex(file: string, source: ts.SourceFile, services: readonly ServiceClass[]): void {
  const texts = source.statements.map((statement) => singleQuoted(compact(statement.getText())));
  const head = [
    "import{defineCallbackService}from'../runtime/internal.js';",
    ...(services.length > 0
      ? [`import{${services.map((service) => service.actionsName).join(',')}}from'../services/index.js';`]
      : []),
    "export*from'../runtime/index.js';",
    "exporttype*from'../models.js';",
  ];
  const expected = [
    ...head,
    ...services.map(
      ({ className }) => `exporttype${className}=import('../services/index.js').${className}<'callback'>;`,
    ),
  ];
  const actual = [...texts.slice(0, head.length), ...texts.slice(head.length).filter((_, index) => index % 2 === 0)];
  if (texts.length !== head.length + services.length * 2 || actual.join('\n') !== expected.join('\n'))
    fail(file, undefined, `unexpected callback index: ${texts.join(' ').slice(0, 300)}`);
  services.forEach((service, index) => {
    const chained = `import('../services/index.js').${service.className}<'chain'>`;
    checkServiceClass(
      file,
      source.statements[head.length + index * 2 + 1] as ts.Statement,
      service.className,
      'defineCallbackService',
      chained,
      service.actionsName,
    );
  });
}

/** `export interface XService<Style extends CallStyle = 'sync'> { method: ServiceMethod<Style, P, R> & ...; }`: per method, its parameters types. */
function checkServiceInterface(file: string, declaration: ts.InterfaceDeclaration): [string, Map<string, string[]>] {
  const exported =
    declaration.modifiers?.length === 1 && declaration.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  const [style, ...more] = declaration.typeParameters ?? [];
  if (
    !exported ||
    declaration.heritageClauses !== undefined ||
    style === undefined ||
    more.length > 0 ||
    compact(style.getText()) !== "StyleextendsCallStyle='sync'"
  )
    fail(file, declaration, 'unexpected service interface');
  const methods = new Map<string, string[]>();
  for (const member of declaration.members) {
    if (
      !ts.isPropertySignature(member) ||
      !ts.isIdentifier(member.name) ||
      member.questionToken !== undefined ||
      member.modifiers !== undefined ||
      member.type === undefined
    )
      fail(file, member, 'unexpected member');
    const overloads = ts.isIntersectionTypeNode(member.type) ? member.type.types : [member.type];
    methods.set(
      member.name.text,
      overloads.map((overload) => overloadParameters(file, overload)),
    );
  }
  return [declaration.name.text, methods];
}

/** `ServiceMethod<Style, XParameters, Result>`: the name of its parameters type. */
function overloadParameters(file: string, overload: ts.TypeNode): string {
  const [style, parameters, result, ...more] = ts.isTypeReferenceNode(overload) ? (overload.typeArguments ?? []) : [];
  const ok =
    ts.isTypeReferenceNode(overload) &&
    overload.typeName.getText() === 'ServiceMethod' &&
    style?.getText() === 'Style' &&
    result !== undefined &&
    more.length === 0;
  if (
    !ok ||
    parameters === undefined ||
    !ts.isTypeReferenceNode(parameters) ||
    !ts.isIdentifier(parameters.typeName) ||
    parameters.typeArguments !== undefined
  )
    fail(file, overload, 'unexpected overload type');
  return parameters.typeName.text;
}

/**
 * `export const XService = /* @__PURE__ *\/ defineService<XService, XService<'chain'>>('XService', XServiceActions);`
 * (the callback style names the chain-style interface through services/index.ts, a fixed module).
 */
function checkServiceClass(
  file: string,
  statement: ts.Statement,
  className: string,
  define: string,
  chained: string,
  actionsName: string,
): void {
  const expected = `exportconst${className}=/*@__PURE__*/${define}<${className},${chained}>('${className}',${actionsName});`;
  if (singleQuoted(compact(statement.getText())) !== expected) fail(file, statement, 'unexpected service class');
}

/** Statements compared in single quotes, however they were written; these statements hold no other quotes. */
function singleQuoted(text: string): string {
  return text.replace(/"/g, "'");
}

/** `export type XParameters = A | B`: the parameters types it joins; undefined for any other alias. */
function unionMembers(statement: ts.TypeAliasDeclaration): string[] | undefined {
  const exported = statement.modifiers?.length === 1 && statement.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  const parts = ts.isUnionTypeNode(statement.type) ? statement.type.types : [statement.type];
  const names = parts.map((part) =>
    ts.isTypeReferenceNode(part) && ts.isIdentifier(part.typeName) && part.typeArguments === undefined
      ? part.typeName.text
      : undefined,
  );
  return exported &&
    statement.typeParameters === undefined &&
    names.every((name) => name !== undefined && name !== 'Record')
    ? (names as string[])
    : undefined;
}

/** `export interface XParameters { key: type; ... }` or `export type XParameters = Record<string, never>;`: its keys in order. */
function parametersType(
  file: string,
  statement: ts.InterfaceDeclaration | ts.TypeAliasDeclaration,
): [string, string[]] {
  const exported = statement.modifiers?.length === 1 && statement.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  if (!exported || statement.typeParameters !== undefined) fail(file, statement, 'unexpected parameters type');
  if (ts.isTypeAliasDeclaration(statement)) {
    // Compared without white space: a long name moves the type to lines of its own, as prettier does.
    if (compact(statement.type.getText()) !== 'Record<string,never>')
      fail(file, statement, 'unexpected parameters type');
    return [statement.name.text, []];
  }
  if (statement.heritageClauses !== undefined) fail(file, statement, 'unexpected parameters type');
  const keys = statement.members.map((member) => {
    if (
      !ts.isPropertySignature(member) ||
      member.name === undefined ||
      !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ||
      member.type === undefined
    )
      fail(file, member, 'unexpected parameters member');
    return member.name.text;
  });
  return [statement.name.text, keys];
}

/** `import type { A, B } from '<allowed>'`, or (valueImport) exactly `import { <valueImport> } from ...`. */
function checkImport(
  file: string,
  statement: ts.ImportDeclaration,
  allowed: readonly string[],
  valueImport: true | string | undefined,
): void {
  const from = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
  const clause = statement.importClause;
  if (
    !allowed.includes(from) ||
    clause === undefined ||
    clause.name !== undefined ||
    statement.attributes !== undefined
  )
    fail(file, statement, 'unexpected import');
  const bindings = clause.namedBindings;
  if (
    bindings === undefined ||
    !ts.isNamedImports(bindings) ||
    bindings.elements.some((element) => element.propertyName !== undefined || element.isTypeOnly)
  )
    fail(file, statement, 'unexpected import bindings');
  if (clause.isTypeOnly) return;
  const names = bindings.elements.map((element) => element.name.text);
  if (typeof valueImport !== 'string' || names.join() !== valueImport) fail(file, statement, 'unexpected value import');
}

/** `export const XServiceActions = { name: ['path', [[specs...], ...]], ... } satisfies Record<string, ActionSpec>;` */
function readActions(
  file: string,
  statement: ts.VariableStatement,
): { name: string; actions: Map<string, { path: string; specs: string[][] }> } {
  const [declaration, ...others] = statement.declarationList.declarations;
  const exported = statement.modifiers?.length === 1 && statement.modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
  const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
  const value = declaration?.initializer;
  if (
    !exported ||
    !isConst ||
    others.length > 0 ||
    declaration === undefined ||
    declaration.type !== undefined ||
    !ts.isIdentifier(declaration.name) ||
    !declaration.name.text.endsWith('Actions')
  )
    fail(file, statement, 'unexpected variable');
  if (
    value === undefined ||
    !ts.isSatisfiesExpression(value) ||
    compact(value.type.getText()) !== 'Record<string,ActionSpec>' ||
    !ts.isObjectLiteralExpression(value.expression)
  )
    fail(file, statement, 'actions is not the template object');
  const table = new Map<string, { path: string; specs: string[][] }>();
  for (const property of value.expression.properties) {
    if (
      !ts.isPropertyAssignment(property) ||
      !ts.isIdentifier(property.name) ||
      !ts.isArrayLiteralExpression(property.initializer)
    )
      fail(file, property, 'unexpected actions entry');
    const [path, overloads, ...rest] = property.initializer.elements;
    if (
      path === undefined ||
      !ts.isStringLiteral(path) ||
      overloads === undefined ||
      !ts.isArrayLiteralExpression(overloads) ||
      rest.length > 0
    )
      fail(file, property, 'unexpected actions entry');
    table.set(property.name.text, {
      path: path.text,
      specs: overloads.elements.map((overload) => specNames(file, overload)),
    });
  }
  return { name: declaration.name.text, actions: table };
}

/** An overload's parameter names: the compact string (`a b:bytes c:context:Class`), or an array of string literals and arrays of them. */
function specNames(file: string, overload: ts.Expression): string[] {
  if (ts.isStringLiteral(overload))
    return overload.text === '' ? [] : overload.text.split(' ').map((entry) => entry.split(':')[0] ?? '');
  if (!ts.isArrayLiteralExpression(overload)) fail(file, overload, 'unexpected overload spec');
  return overload.elements.map((spec) => {
    if (ts.isStringLiteral(spec)) return spec.text;
    if (!ts.isArrayLiteralExpression(spec) || !spec.elements.every(ts.isStringLiteral))
      fail(file, spec, 'unexpected parameter spec');
    return (spec.elements[0] as ts.StringLiteral).text;
  });
}

/** Text without white space and trailing commas, so that prettier's line breaks do not matter. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/,([)}\]>])/g, '$1');
}
