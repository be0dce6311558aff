/**
 * Types as prettier lays them out (its estree printer, TypeScript part): unions break into `| member` lines,
 * indented unless they are a type argument or the right side of a type alias; intersections of named types
 * break after each `&`; type arguments break one per line unless there is a single simple one.
 */
import isEs5IdentifierName from '@prettier/is-es5-identifier-name';
import { toCodeString } from '../safe-text.js';
import {
  align,
  group,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  lineSuffixBoundary,
  softline,
  type Doc,
} from './doc.js';
import type { PropertyKey, TypeMember, TypeNode } from './type-syntax.js';

/**
 * Where a type stands, which decides its layout: an annotation (`key: type`, a default), a type argument,
 * an array element, the right side of a type alias that breaks after `=`, or a member of a union or an
 * intersection.
 */
export type TypePlace = 'annotation' | 'argument' | 'element' | 'alias' | 'union' | 'intersection';

export function printType(type: TypeNode, place: TypePlace = 'annotation'): Doc {
  switch (type.kind) {
    case 'keyword':
    case 'literal':
      return type.kind === 'keyword' ? type.name : type.text;
    case 'string':
      return toCodeString(type.value);
    case 'reference':
      return [typeName(type.name), printTypeArguments(type.args)];
    case 'import':
      return [
        `import(${toCodeString(type.module)})`,
        type.qualifier === undefined ? '' : `.${typeName(type.qualifier)}`,
        printTypeArguments(type.args),
      ];
    case 'array':
      return printArrayType(type);
    case 'union':
      return printUnion(type.types, place);
    case 'intersection':
      return parenthesized(printIntersection(type.types), needsParentheses(type, place));
    case 'object':
      return printObjectType(type.members);
    default:
      return assertNever(type);
  }
}

/** `T[][]`: dimensions added in a loop (a type may have many), parenthesised elements where prettier adds them. */
function printArrayType(type: TypeNode & { kind: 'array' }): Doc {
  let dimensions = 0;
  let element: TypeNode = type;
  while (element.kind === 'array') {
    dimensions += 1;
    element = element.element;
  }
  return [printType(element, 'element'), '[]'.repeat(dimensions)];
}

function printUnion(types: readonly TypeNode[], place: TypePlace): Doc {
  const parentheses = place === 'element' || place === 'union' || place === 'intersection';
  if (shouldHugUnion(types))
    return parenthesized(
      join(
        ' | ',
        types.map((member) => printType(member, 'union')),
      ),
      parentheses,
    );
  const members = group(
    types.map((member, index) => [index === 0 ? ifBreak('| ') : [line, '| '], align(2, printType(member, 'union'))]),
  );
  if (parentheses) return ['(', group([indent([softline, members]), softline]), ')'];
  if (place === 'alias' || place === 'argument') return members;
  return group(indent([softline, members]));
}

/** `Type | null`: one object-like type and only `null`/`void` besides stays on one line (prettier's "hug"). */
function shouldHugUnion(types: readonly TypeNode[]): boolean {
  const objectLike = types.find((member) => member.kind === 'object' || member.kind === 'reference');
  return (
    objectLike !== undefined &&
    types.every(
      (member) =>
        member === objectLike || (member.kind === 'keyword' && (member.name === 'null' || member.name === 'void')),
    )
  );
}

function printIntersection(types: readonly TypeNode[]): Doc {
  let indented = false;
  return group(
    types.map((member, index) => {
      const printed = printType(member, 'intersection');
      const previous = types[index - 1];
      if (previous === undefined) return printed;
      const isObject = member.kind === 'object';
      const previousIsObject = previous.kind === 'object';
      if (isObject && previousIsObject) return [' & ', indented ? indent(printed) : printed];
      if (!isObject && !previousIsObject) return indent([' &', line, printed]);
      if (index > 1) indented = true;
      return [' & ', index > 1 ? indent(printed) : printed];
    }),
  );
}

function needsParentheses(type: TypeNode, place: TypePlace): boolean {
  return (
    (type.kind === 'union' || type.kind === 'intersection') &&
    (place === 'element' || place === 'union' || place === 'intersection')
  );
}

function parenthesized(doc: Doc, parentheses: boolean): Doc {
  return parentheses ? ['(', doc, ')'] : doc;
}

/** `<A, B>`: inline when it is one simple type (or a huggable union), else a group that breaks one per line. */
export function printTypeArguments(args: readonly TypeNode[] | undefined): Doc {
  if (args === undefined) return '';
  const printed = args.map((arg) => printType(arg, 'argument'));
  const only = args.length === 1 ? args[0] : undefined;
  if (args.length === 0 || (only !== undefined && shouldHugType(only))) return ['<', join(', ', printed), '>'];
  return group(['<', indent([softline, join([',', line], printed)]), softline, '>']);
}

function shouldHugType(type: TypeNode): boolean {
  if (type.kind === 'union') return shouldHugUnion(type.types);
  return (
    type.kind === 'keyword' ||
    type.kind === 'literal' ||
    type.kind === 'string' ||
    type.kind === 'object' ||
    (type.kind === 'reference' && type.args === undefined)
  );
}

/** A type parameter declaration: `<Name extends Constraint = Default>`, breaking one per line with a trailing comma. */
export function printTypeParameters(parameters: readonly TypeParameter[]): Doc {
  if (parameters.length === 0) return '';
  return group([
    '<',
    indent([softline, join([',', line], parameters.map(printTypeParameter))]),
    ifBreak(','),
    softline,
    '>',
  ]);
}

export interface TypeParameter {
  readonly name: string;
  readonly constraint?: TypeNode;
  readonly default?: TypeNode;
}

function printTypeParameter(parameter: TypeParameter): Doc {
  const parts: Doc[] = [parameter.name];
  for (const [keyword, type] of [
    [' extends', parameter.constraint],
    [' =', parameter.default],
  ] as const) {
    if (type === undefined) continue;
    const id = Symbol(keyword);
    parts.push(
      keyword,
      group(indent(line), { id }),
      lineSuffixBoundary,
      indentIfBreak(printType(type), { groupId: id }),
    );
  }
  return group(parts);
}

/** `{ a: A; b?: B }` on one line, or broken one member per line. */
function printObjectType(members: readonly TypeMember[]): Doc {
  if (members.length === 0) return '{}';
  const printed = members.map((member, index) => [
    printMember(member),
    index === members.length - 1 ? ifBreak(';') : ';',
  ]);
  return group(['{', indent([line, join(line, printed)]), line, '}']);
}

/** An interface or object type member without its `;`: `key?: type` or `[name: key]: type`. */
export function printMember(member: TypeMember): Doc {
  if (member.kind === 'index')
    return group([
      '[',
      group([indent([softline, member.name, ': ', printType(member.keyType)]), softline]),
      ']',
      ': ',
      printType(member.type),
    ]);
  return group([printPropertyKey(member.key), member.optional ? '?' : '', ': ', printType(member.type)]);
}

/**
 * A property key as prettier writes it (quoteProps "as-needed"): an identifier as it is, a string without
 * quotes when it is an ES5 identifier name that needs no escape, else in prettier's quotes.
 */
export function printPropertyKey(key: PropertyKey): string {
  if ('identifier' in key) return key.identifier;
  const quoted = toCodeString(key.string);
  return quoted.slice(1, -1) === key.string && isEs5IdentifierName(key.string) ? key.string : quoted;
}

/** A name, maybe qualified (`a.B`): made by the builder, so anything else is a bug rather than input to escape. */
function typeName(name: string): string {
  if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(name))
    throw new Error(`printer: ${JSON.stringify(name)} is not a type name`);
  return name;
}

function assertNever(value: never): never {
  throw new Error(`printer: unknown type ${JSON.stringify(value)}`);
}
