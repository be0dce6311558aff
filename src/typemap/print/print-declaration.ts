/**
 * Top-level statements as prettier prints them, each ending with its `;` (or the `{` of an interface body,
 * whose members are always one per line): imports and re-exports, interface openings and members, type
 * aliases and constants. A statement is printed alone: prettier lays out each one independently.
 */
import { isSafeIdentifier } from '../identifiers.js';
import { toCodeString } from '../safe-text.js';
import { group, ifBreak, indent, isNarrowerThan, join, line, PRINT_WIDTH, printDoc, type Doc } from './doc.js';
import { printAssignment } from './print-assignment.js';
import { printExpression, printProperty, type Expression } from './print-expression.js';
import { printMember, printType, printTypeParameters, type TypeParameter } from './print-type.js';
import { parseType, type TypeMember, type TypeNode } from './type-syntax.js';

/** `import { a, b } from 'module';` (`import type` when `typeOnly`): one name never breaks, several do when long. */
export function printImport(names: readonly string[], module: string, typeOnly = false): string {
  return printDoc(['import', typeOnly ? ' type' : '', printSpecifiers(names), ' from ', toCodeString(module), ';']);
}

/** `export { a, b } from 'module';`. */
export function printExportFrom(names: readonly string[], module: string, typeOnly = false): string {
  return printDoc(['export', typeOnly ? ' type' : '', printSpecifiers(names), ' from ', toCodeString(module), ';']);
}

function printSpecifiers(names: readonly string[]): Doc {
  const specifiers = names.map(identifier);
  if (specifiers.length === 0) return ' {}';
  if (specifiers.length === 1) return [' { ', specifiers, ' }'];
  return [' ', group(['{', indent([line, join([',', line], specifiers)]), ifBreak(','), line, '}'])];
}

/** `export interface Name<Parameters> {`: the members follow, one per line (see printInterfaceMember). */
export function printInterfaceOpening(name: string, typeParameters: readonly TypeParameter[] = []): string {
  return printDoc(['export interface ', identifier(name), printTypeParameters(typeParameters), ' {']);
}

/** One member of an interface, with its `;`, for a line one level deep. */
export function printInterfaceMember(member: TypeMember): string {
  return printDoc([printMember(member), ';'], 1);
}

/** `export type Name<Parameters> = Type;`, the type given as the typemap's text. */
export function printTypeAlias(
  name: string,
  type: string | TypeNode,
  typeParameters: readonly TypeParameter[] = [],
): string {
  const left = ['type ', identifier(name), printTypeParameters(typeParameters)];
  const complexTypeParameters =
    typeParameters.length > 1 &&
    typeParameters.some((parameter) => parameter.constraint !== undefined || parameter.default !== undefined);
  const right = { type: typeof type === 'string' ? parseType(type) : type };
  return printDoc([
    'export ',
    printAssignment({ kind: 'alias', left, operator: ' =', right, complexTypeParameters }),
    ';',
  ]);
}

/** `export const name = value;` (without `export` when not `exported`). */
export function printConstant(name: string, value: Expression, exported = true): string {
  return (
    printExpandedConstant(name, value, exported) ??
    printDoc([
      exported ? 'export ' : '',
      group([
        'const ',
        printAssignment({ kind: 'variable', left: identifier(name), operator: ' =', right: { expression: value } }),
        ';',
      ]),
    ])
  );
}

/**
 * A constant whose value is an object kept one property per line (the services' `Actions` tables), printed a
 * property at a time: in a broken object each property starts its own line, and whether its own groups break
 * depends only on it and the `,` after it, so each is its own document at one level deep. The same text as
 * printing the whole statement, without one document of the whole table going through prettier's printer
 * (a fifth of the render stage). Undefined, for the whole statement to be printed, when the first or last
 * line would not fit as `… = {` and `} …;`.
 */
function printExpandedConstant(name: string, value: Expression, exported: boolean): string | undefined {
  const object = value.kind === 'satisfies' ? value.expression : value;
  if (object.kind !== 'object' || !object.expanded || object.properties.length === 0) return undefined;
  const head = `${exported ? 'export ' : ''}const ${identifier(name)} = {`;
  const tail = printDoc(['}', value.kind === 'satisfies' ? [' satisfies ', printType(value.type)] : '', ';']);
  if (!isNarrowerThan(head, PRINT_WIDTH + 1) || tail.includes('\n')) return undefined;
  const properties = object.properties.map((property) => `  ${printDoc([printProperty(property), ','], 1)}`);
  return [head, ...properties, tail].join('\n');
}

/** `expression;`. */
export function printExpressionStatement(expression: Expression): string {
  return printDoc([printExpression(expression), ';']);
}

/** An identifier the typemap made: anything else reaching the printer is a bug, not input to repair. */
export function identifier(name: string): string {
  if (!isSafeIdentifier(name)) throw new Error(`printer: ${JSON.stringify(name)} is not a safe identifier`);
  return name;
}
