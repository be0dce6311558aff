/**
 * The expressions generated code holds, as prettier lays them out: literals, arrays and objects (an object
 * written broken stays broken, as prettier keeps it), calls with their arguments (the last object argument
 * hugged when the others fit), `new`, member access, `await` and `satisfies`.
 */
import { isSafeIdentifier } from '../identifiers.js';
import { toCodeString } from '../safe-text.js';
import {
  breakParent,
  conditionalGroup,
  group,
  ifBreak,
  indent,
  join,
  line,
  lineSuffixBoundary,
  softline,
  willBreak,
  type Doc,
} from './doc.js';
import { printAssignment } from './print-assignment.js';
import { printPropertyKey, printType, printTypeArguments } from './print-type.js';
import type { PropertyKey, TypeNode } from './type-syntax.js';

export type Expression =
  | { readonly kind: 'identifier'; readonly name: string }
  | { readonly kind: 'string'; readonly value: string }
  /** A number, `null`, `true` or `false`, as written. */
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'array'; readonly elements: readonly Expression[] }
  /** `expanded`: written with a line break after `{`, which prettier keeps. */
  | { readonly kind: 'object'; readonly properties: readonly Property[]; readonly expanded: boolean }
  | Call
  | { readonly kind: 'member'; readonly object: Expression; readonly property: string }
  | { readonly kind: 'await'; readonly argument: Expression }
  | { readonly kind: 'satisfies'; readonly expression: Expression; readonly type: TypeNode }
  /** Fixed code in prettier's shape that never needs to break (an arrow function of the README's example). */
  | { readonly kind: 'verbatim'; readonly text: string };

export interface Call {
  readonly kind: 'call' | 'new';
  readonly callee: Expression;
  readonly typeArguments?: readonly TypeNode[];
  readonly arguments: readonly Expression[];
  /** Preceded by `/* @__PURE__ *\/`, which tells bundlers that the call has no side effects. */
  readonly pure?: boolean;
}

export interface Property {
  readonly key: PropertyKey;
  readonly value: Expression;
}

export function printExpression(expression: Expression): Doc {
  switch (expression.kind) {
    case 'identifier':
      if (!isSafeIdentifier(expression.name))
        throw new Error(`printer: ${JSON.stringify(expression.name)} is not a safe identifier`);
      return expression.name;
    case 'literal':
      return expression.text;
    case 'string':
      return toCodeString(expression.value);
    case 'array':
      return printArray(expression.elements);
    case 'object':
      return printObject(expression);
    case 'call':
    case 'new':
      return printCall(expression);
    case 'member':
      return [printExpression(expression.object), '.', expression.property];
    case 'await':
      return ['await ', printExpression(expression.argument)];
    case 'satisfies':
      return [printExpression(expression.expression), ' satisfies ', printType(expression.type)];
    case 'verbatim':
      return expression.text;
    default:
      return assertNever(expression);
  }
}

/** Broken one element per line when it does not fit, or always when it holds several lists (or objects) of several items. */
function printArray(elements: readonly Expression[]): Doc {
  if (elements.length === 0) return '[]';
  const shouldBreak =
    elements.length > 1 &&
    elements.every(
      (element, index) =>
        isListOfSeveral(element) && (elements[index + 1] === undefined || elements[index + 1]?.kind === element.kind),
    );
  const printed = join(
    [',', line],
    elements.map((element) => group(printExpression(element))),
  );
  return group(['[', indent([softline, printed, ifBreak(',')]), softline, ']'], { shouldBreak });
}

function isListOfSeveral(expression: Expression): boolean {
  return (
    (expression.kind === 'array' && expression.elements.length > 1) ||
    (expression.kind === 'object' && expression.properties.length > 1)
  );
}

function printObject(object: Expression & { kind: 'object' }): Doc {
  if (object.properties.length === 0) return '{}';
  const printed = join([',', line], object.properties.map(printProperty));
  return group(['{', indent([line, printed]), ifBreak(','), line, '}'], { shouldBreak: object.expanded });
}

export function printProperty(property: Property): Doc {
  return printAssignment({
    kind: 'property',
    left: printPropertyKey(property.key),
    operator: ':',
    right: { expression: property.value },
  });
}

/** A call or `new`: a callee that is a member access chains (at most two links here, which prettier keeps on one line). */
function printCall(call: Call): Doc {
  const typeArguments =
    call.typeArguments === undefined ? '' : [printTypeArguments(call.typeArguments), lineSuffixBoundary];
  const printed: Doc = [
    call.kind === 'new' ? 'new ' : '',
    printExpression(call.callee),
    typeArguments,
    printArguments(call.arguments),
  ];
  const chained = call.kind === 'call' && call.callee.kind === 'member' ? group(printed) : printed;
  return call.pure === true ? ['/* @__PURE__ */ ', chained] : chained;
}

/**
 * Call arguments: on one line, or one per line with a trailing comma; a last object or array argument is
 * hugged (`f(a, {` ... `})`) when the arguments before it fit and are not of its kind.
 */
function printArguments(args: readonly Expression[]): Doc {
  if (args.length === 0) return '()';
  const printed = args.map((arg, index) =>
    index === args.length - 1 ? printExpression(arg) : [printExpression(arg), ',', line],
  );
  const allBrokenOut = (): Doc =>
    group(['(', indent([line, ...printed]), ifBreak(','), line, ')'], { shouldBreak: true });
  if (shouldHugLast(args)) {
    const before = printed.slice(0, -1);
    if (before.some(willBreak)) return allBrokenOut();
    const last = printExpression(args[args.length - 1] as Expression);
    return willBreak(last)
      ? [breakParent, conditionalGroup([['(', ...before, group(last, { shouldBreak: true }), ')'], allBrokenOut()])]
      : conditionalGroup([
          ['(', ...before, last, ')'],
          ['(', ...before, group(last, { shouldBreak: true }), ')'],
          allBrokenOut(),
        ]);
  }
  return group(['(', indent([softline, ...printed]), ifBreak(','), softline, ')'], {
    shouldBreak: printed.some(willBreak),
  });
}

function shouldHugLast(args: readonly Expression[]): boolean {
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  if (last === undefined || !couldExpand(last)) return false;
  if (penultimate !== undefined && penultimate.kind === last.kind) return false;
  return true;
}

function couldExpand(expression: Expression): boolean {
  if (expression.kind === 'object') return expression.properties.length > 0;
  if (expression.kind === 'array') return expression.elements.length > 0;
  return expression.kind === 'satisfies' && couldExpand(expression.expression);
}

function assertNever(value: never): never {
  throw new Error(`printer: unknown expression ${JSON.stringify(value)}`);
}
