/**
 * `left = right` and `key: value` as prettier lays them out: it picks a layout from what the right side is
 * (a union breaks after the operator, a string or a poorly breakable call moves to the next line whole, a
 * short key or a number stays on the line), else "fluid": the right side moves to the next line only when
 * its first line would not fit after the operator.
 */
import { toCodeString } from '../safe-text.js';
import {
  canBreak,
  group,
  indent,
  indentIfBreak,
  isNarrowerThan,
  line,
  lineSuffixBoundary,
  willBreak,
  type Doc,
} from './doc.js';
import type { Expression } from './print-expression.js';
import { printExpression } from './print-expression.js';
import { printType, printTypeArguments } from './print-type.js';
import type { TypeNode } from './type-syntax.js';

export interface Assignment {
  /** An object property (`key: value`), a variable (`name = value`) or a type alias (`Name = Type`). */
  readonly kind: 'property' | 'variable' | 'alias';
  readonly left: Doc;
  readonly operator: ':' | ' =';
  readonly right: { readonly expression: Expression } | { readonly type: TypeNode };
  /** A type alias with several type parameters, one of them constrained or defaulted. */
  readonly complexTypeParameters?: boolean;
}

type Layout = 'break-after-operator' | 'never-break-after-operator' | 'fluid' | 'break-lhs';

export function printAssignment(assignment: Assignment): Doc {
  const layout = chooseLayout(assignment);
  const { left, operator, right } = assignment;
  const rightDoc =
    'type' in right
      ? printType(right.type, layout === 'break-after-operator' && right.type.kind === 'union' ? 'alias' : 'annotation')
      : printExpression(right.expression);
  switch (layout) {
    case 'break-after-operator':
      return group([group(left), operator, group(indent([line, rightDoc]))]);
    case 'never-break-after-operator':
      return group([group(left), operator, ' ', rightDoc]);
    case 'break-lhs':
      return group([left, operator, ' ', group(rightDoc)]);
    case 'fluid': {
      const id = Symbol('assignment');
      return group([
        group(left),
        operator,
        group(indent(line), { id }),
        lineSuffixBoundary,
        indentIfBreak(rightDoc, { groupId: id }),
      ]);
    }
  }
}

function chooseLayout({ kind, left, right, complexTypeParameters }: Assignment): Layout {
  if ('type' in right) {
    if (right.type.kind === 'union' && !isHuggedUnion(right.type)) return 'break-after-operator';
    return complexTypeParameters === true ? 'break-lhs' : 'fluid';
  }
  const value = right.expression;
  const hasShortKey = kind === 'property' && typeof left === 'string' && isNarrowerThan(left, 2 + 3);
  if (shouldBreakAfterOperator(value, hasShortKey)) return 'break-after-operator';
  if (!canBreak(left) && (hasShortKey || isBooleanOrNumber(value))) return 'never-break-after-operator';
  return 'fluid';
}

function isHuggedUnion(type: TypeNode & { kind: 'union' }): boolean {
  const objectLike = type.types.find((member) => member.kind === 'object' || member.kind === 'reference');
  return (
    objectLike !== undefined &&
    type.types.every(
      (member) =>
        member === objectLike || (member.kind === 'keyword' && (member.name === 'null' || member.name === 'void')),
    )
  );
}

function shouldBreakAfterOperator(value: Expression, hasShortKey: boolean): boolean {
  if (hasShortKey) return false;
  const inner = value.kind === 'await' ? value.argument : value;
  return inner.kind === 'string' || isPoorlyBreakableChain(inner, false);
}

/** A chain of member accesses and calls without arguments or with one short one: breaking inside it helps little. */
function isPoorlyBreakableChain(expression: Expression, deep: boolean): boolean {
  if (expression.kind === 'call') {
    const args = expression.arguments;
    const only = args.length === 1 ? args[0] : undefined;
    if (!(args.length === 0 || (only !== undefined && isLoneShortArgument(only)))) return false;
    if (hasComplexTypeArguments(expression.typeArguments)) return false;
    return isPoorlyBreakableChain(expression.callee, true);
  }
  if (expression.kind === 'member') return isPoorlyBreakableChain(expression.object, true);
  return deep && expression.kind === 'identifier';
}

/** prettier's "lone short argument": at most a quarter of the print width. */
const SHORT_ARGUMENT = 120 * 0.25;

function isLoneShortArgument(arg: Expression): boolean {
  switch (arg.kind) {
    case 'identifier':
      return arg.name.length <= SHORT_ARGUMENT;
    case 'literal':
      return true;
    case 'string':
      return toCodeString(arg.value).length <= SHORT_ARGUMENT;
    case 'call':
      return (
        arg.arguments.length === 0 && arg.callee.kind === 'identifier' && arg.callee.name.length <= SHORT_ARGUMENT - 2
      );
    default:
      return false;
  }
}

function hasComplexTypeArguments(args: readonly TypeNode[] | undefined): boolean {
  if (args === undefined || args.length === 0) return false;
  const [only] = args;
  if (
    args.length > 1 ||
    only === undefined ||
    only.kind === 'union' ||
    only.kind === 'intersection' ||
    only.kind === 'object'
  )
    return true;
  return willBreak(printTypeArguments(args));
}

function isBooleanOrNumber(value: Expression): boolean {
  return value.kind === 'literal' && value.text !== 'null';
}
