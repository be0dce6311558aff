/**
 * Shape checks for the package-level modules (the two indexes and models.ts), and the one check every
 * generated module gets: outside type positions, property keys, declaration names and import/export lists,
 * the only identifiers are the few the templates write, and no construct that could run anything exists.
 */
import { ts } from 'ts-morph';
import { compact, fail } from './service-shape.js';

/** The identifiers templates put in value positions (besides each class's actions table, in its defining call). */
const VALUE_IDENTIFIERS = new Set(['defineService', 'defineCallbackService']);

const FORBIDDEN = new Set([
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.TaggedTemplateExpression,
  ts.SyntaxKind.TemplateExpression,
  ts.SyntaxKind.Decorator,
  ts.SyntaxKind.ComputedPropertyName,
  ts.SyntaxKind.SpreadElement,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.ImportType,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ClassStaticBlockDeclaration,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.ExpressionStatement,
]);

/** Declaration names and keys: places where a (sanitised) name from the document is expected. */
function isNamePosition(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  return (
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) &&
    parent.name === node
  );
}

export function checkValueIdentifiers(file: string, source: ts.SourceFile): void {
  const visit = (node: ts.Node): void => {
    if (
      FORBIDDEN.has(node.kind) ||
      node.kind === ts.SyntaxKind.ClassDeclaration ||
      node.kind === ts.SyntaxKind.MethodDeclaration
    )
      fail(file, node, `unexpected ${ts.SyntaxKind[node.kind]}`);
    if (ts.isCallExpression(node)) {
      if (!isServiceClassCall(node)) fail(file, node, 'a call other than the one that defines the service class');
      // Its name, type argument and actions table are compared with what the template writes by the module's own check.
      return;
    }
    // The service's types, from the one module that may hold them: its own types module, or services/index.ts.
    if (ts.isTypeAliasDeclaration(node) && isServiceAlias(node)) return;
    if (
      ts.isTypeNode(node) ||
      ts.isImportDeclaration(node) ||
      ts.isExportDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node)
    ) {
      checkNoImportTypes(file, node);
      return;
    }
    if (ts.isIdentifier(node) && !isNamePosition(node) && !VALUE_IDENTIFIERS.has(node.text))
      fail(file, node.parent, `identifier ${node.text} in a value position`);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** The one call the templates write: `defineService<X, X<'chain'>>('X', actions)` (or `defineCallbackService`), initialising a const. */
function isServiceClassCall(node: ts.CallExpression): boolean {
  const [name, actions, ...more] = node.arguments;
  return (
    ts.isIdentifier(node.expression) &&
    (node.expression.text === 'defineService' || node.expression.text === 'defineCallbackService') &&
    ts.isVariableDeclaration(node.parent) &&
    name !== undefined &&
    ts.isStringLiteral(name) &&
    actions !== undefined &&
    ts.isIdentifier(actions) &&
    actions.text.endsWith('Actions') &&
    more.length === 0
  );
}

/** `type X<...> = import('./<types module>.js').X<Style>` or `import('../services/index.js').X<'callback'>`. */
function isServiceAlias(node: ts.TypeAliasDeclaration): boolean {
  const type = node.type;
  if (!ts.isImportTypeNode(type) || type.isTypeOf || type.attributes !== undefined || type.qualifier === undefined)
    return false;
  const argument = type.argument;
  const specifier = ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal) ? argument.literal.text : '';
  const [style, ...more] = type.typeArguments ?? [];
  const sync =
    /^\.\/[a-z0-9]+(?:-[a-z0-9]+)*\.js$/.test(specifier) &&
    style !== undefined &&
    ts.isTypeReferenceNode(style) &&
    style.typeName.getText() === 'Style';
  const callback =
    specifier === '../services/index.js' &&
    style !== undefined &&
    ts.isLiteralTypeNode(style) &&
    ts.isStringLiteral(style.literal) &&
    style.literal.text === 'callback';
  return (
    ts.isIdentifier(type.qualifier) && type.qualifier.text === node.name.text && more.length === 0 && (sync || callback)
  );
}

/** `import("x").T` would make the type checker load any module: types come from the three known modules only. */
function checkNoImportTypes(file: string, node: ts.Node): void {
  if (node.kind === ts.SyntaxKind.ImportType || node.kind === ts.SyntaxKind.TypeQuery)
    fail(file, node, 'type import or typeof in a type');
  ts.forEachChild(node, (child) => checkNoImportTypes(file, child));
}

/** `import type { A, B } from '<from>'`, nothing else. */
export function checkTypeImport(file: string, statement: ts.ImportDeclaration, from: string): void {
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  const plain =
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.every((element) => element.propertyName === undefined && !element.isTypeOnly);
  if (
    !ts.isStringLiteral(statement.moduleSpecifier) ||
    statement.moduleSpecifier.text !== from ||
    clause?.isTypeOnly !== true ||
    clause.name !== undefined ||
    !plain ||
    statement.attributes !== undefined
  ) {
    fail(file, statement, 'unexpected import');
  }
}

/** `export * from runtime`, `export type * from models`, then `export { AService, BService, ... } from './services/index.js'`. */
export function checkIndexModule(file: string, source: ts.SourceFile, classNames: readonly string[]): void {
  const expected = [
    "export*from'./runtime/index.js';",
    "exporttype*from'./models.js';",
    ...(classNames.length > 0 ? [`export{${classNames.join(',')}}from'./services/index.js';`] : []),
  ];
  const actual = source.statements.map((statement) =>
    statement.getText().replace(/\s+/g, '').replace(/,}/g, '}').replace(/"/g, "'"),
  );
  if (actual.join('\n') !== expected.join('\n'))
    fail(file, undefined, `exports ${actual.join(' ').slice(0, 500)}, expected ${expected.join(' ').slice(0, 500)}`);
}

/** Exported interfaces of property signatures (and ServiceContext's index signature), and `Record` aliases. */
export function checkModelsModule(file: string, source: ts.SourceFile): void {
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      checkTypeImport(file, statement, './runtime/index.js');
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    const exported = modifiers.length === 1 && modifiers[0]?.kind === ts.SyntaxKind.ExportKeyword;
    if (ts.isTypeAliasDeclaration(statement)) {
      if (
        !exported ||
        statement.typeParameters !== undefined ||
        compact(statement.type.getText()) !== 'Record<string,unknown>'
      )
        fail(file, statement, 'unexpected type alias');
      continue;
    }
    if (
      !ts.isInterfaceDeclaration(statement) ||
      !exported ||
      statement.heritageClauses !== undefined ||
      statement.typeParameters !== undefined
    )
      fail(file, statement, 'unexpected statement');
    for (const member of statement.members) {
      if (ts.isIndexSignatureDeclaration(member) && statement.members.indexOf(member) === 0) continue;
      if (
        !ts.isPropertySignature(member) ||
        member.type === undefined ||
        !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))
      )
        fail(file, member, 'unexpected interface member');
    }
  }
}
