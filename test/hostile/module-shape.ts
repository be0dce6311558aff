/**
 * Shape checks for the package-level modules (the two indexes and models.ts), and the one check every
 * generated module gets: outside type positions, property keys, declaration names and import/export lists,
 * the only identifiers are the few the templates write, and no construct that could run anything exists.
 */
import ts from 'typescript';
import { fail } from './service-shape.js';

/** The identifiers templates put in value positions. */
const VALUE_IDENTIFIERS = new Set(['actions', 'defineService', 'defineCallbackService']);

const FORBIDDEN = new Set([
  ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.TaggedTemplateExpression, ts.SyntaxKind.TemplateExpression, ts.SyntaxKind.Decorator, ts.SyntaxKind.ComputedPropertyName,
  ts.SyntaxKind.SpreadElement, ts.SyntaxKind.ModuleDeclaration, ts.SyntaxKind.EnumDeclaration, ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.ImportEqualsDeclaration, ts.SyntaxKind.ImportType, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ClassStaticBlockDeclaration, ts.SyntaxKind.BinaryExpression, ts.SyntaxKind.ExpressionStatement,
]);

/** Declaration names and keys: places where a (sanitised) name from the document is expected. */
function isNamePosition(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  return (
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node
  );
}

export function checkValueIdentifiers(file: string, source: ts.SourceFile): void {
  const visit = (node: ts.Node): void => {
    if (FORBIDDEN.has(node.kind) || node.kind === ts.SyntaxKind.ClassDeclaration || node.kind === ts.SyntaxKind.MethodDeclaration) fail(file, node, `unexpected ${ts.SyntaxKind[node.kind]}`);
    if (ts.isCallExpression(node) && !isServiceClassCall(node)) fail(file, node, 'a call other than the one that defines the service class');
    if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      checkNoImportTypes(file, node);
      return;
    }
    if (ts.isIdentifier(node) && !isNamePosition(node) && !VALUE_IDENTIFIERS.has(node.text)) fail(file, node.parent, `identifier ${node.text} in a value position`);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** The one call the templates write: `defineService<X>('X', actions)` (or `defineCallbackService`), initialising a const. */
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
    actions.text === 'actions' &&
    more.length === 0
  );
}

/** `import("x").T` would make the type checker load any module: types come from the three known modules only. */
function checkNoImportTypes(file: string, node: ts.Node): void {
  if (node.kind === ts.SyntaxKind.ImportType || node.kind === ts.SyntaxKind.TypeQuery) fail(file, node, 'type import or typeof in a type');
  ts.forEachChild(node, (child) => checkNoImportTypes(file, child));
}

/** `import type { A, B } from '<from>'`, nothing else. */
export function checkTypeImport(file: string, statement: ts.ImportDeclaration, from: string): void {
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  const plain = bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((element) => element.propertyName === undefined && !element.isTypeOnly);
  if (!ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== from || clause?.isTypeOnly !== true || clause.name !== undefined || !plain || statement.attributes !== undefined) {
    fail(file, statement, 'unexpected import');
  }
}

/** `export * from runtime`, `export type * from models`, then one `export { XService } from` per service module. */
export function checkIndexModule(file: string, source: ts.SourceFile, fileNames: readonly string[]): void {
  const callback = file === 'src/callback/index.ts';
  const up = callback ? '../' : './';
  const expected = [`* ${up}runtime/index.js`, `type* ${up}models.js`, ...fileNames.map((name) => `{} ${callback ? './' : './services/'}${name}.js`)];
  const actual = source.statements.map((statement) => {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) fail(file, statement, 'unexpected statement');
    const clause = statement.exportClause;
    if (clause === undefined) return `${statement.isTypeOnly ? 'type' : ''}* ${statement.moduleSpecifier.text}`;
    if (!ts.isNamedExports(clause) || clause.elements.length !== 1 || clause.elements[0]?.propertyName !== undefined || statement.isTypeOnly) fail(file, statement, 'unexpected export');
    return `{} ${statement.moduleSpecifier.text}`;
  });
  if ([...actual].sort().join('\n') !== [...expected].sort().join('\n')) fail(file, undefined, `exports ${actual.join(', ').slice(0, 500)}, expected ${expected.join(', ').slice(0, 500)}`);
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
      if (!exported || statement.typeParameters !== undefined || statement.type.getText() !== 'Record<string, unknown>') fail(file, statement, 'unexpected type alias');
      continue;
    }
    if (!ts.isInterfaceDeclaration(statement) || !exported || statement.heritageClauses !== undefined || statement.typeParameters !== undefined) fail(file, statement, 'unexpected statement');
    for (const member of statement.members) {
      if (ts.isIndexSignatureDeclaration(member) && statement.members.indexOf(member) === 0) continue;
      if (!ts.isPropertySignature(member) || member.type === undefined || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) fail(file, member, 'unexpected interface member');
    }
  }
}
