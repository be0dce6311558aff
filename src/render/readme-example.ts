/**
 * The README's usage example: the first read method (get...) of the first service, called with placeholder
 * arguments of the right types, in both call styles. Its statements are printed in prettier's shape, as
 * prettier formats the code blocks of a Markdown file.
 */
import type { Parameter } from '../model/types.js';
import type { TypedMethod, TypedService } from '../typemap/index.js';
import { toPropertyKey } from '../typemap/identifiers.js';
import { printConstant, printExpressionStatement, printImport } from '../typemap/print/print-declaration.js';
import type { Expression } from '../typemap/print/print-expression.js';

export interface ExampleView {
  readonly className: string;
  readonly methodName: string;
  /** The arguments object as TypeScript text, e.g. `{ entryId: 0 }` (kept for templates written before the statements below). */
  readonly parameters: string;
  /** Printed statements: the import, the service's construction and call, and the same in callback style. */
  readonly importStatement: string;
  readonly serviceStatement: string;
  readonly callStatement: string;
  readonly callbackImportStatement: string;
  readonly callbackStatement: string;
  /**
   * The Markdown code fences around the statements (sync style, callback style): three backticks, or more than
   * the longest run of backticks in them (a parameter's name may hold some), as prettier writes a fence.
   */
  readonly fence: string;
  readonly callbackFence: string;
}

export function toExample(services: readonly TypedService[], packageName: string): ExampleView {
  for (const service of services) {
    const method = service.methods.find((candidate) => candidate.name.startsWith('get')) ?? service.methods[0];
    if (method !== undefined) return example(service.className, method.name, exampleParameters(method), packageName);
  }
  return example('Session', 'invoke', [], packageName);
}

function example(
  className: string,
  methodName: string,
  parameters: readonly Parameter[],
  packageName: string,
): ExampleView {
  const properties = parameters.map((parameter) => ({
    name: toPropertyKey(parameter.name),
    value: placeholder(parameter),
  }));
  const argument: Expression = {
    kind: 'object',
    expanded: false,
    properties: properties.map(({ name, value }) => ({ key: toKey(name), value })),
  };
  const construct: Expression = { kind: 'new', callee: identifier(className), arguments: [identifier('session')] };
  const call = (target: Expression, args: readonly Expression[]): Expression => ({
    kind: 'call',
    callee: { kind: 'member', object: target, property: methodName },
    arguments: args,
  });
  const callbacks: Expression = {
    kind: 'object',
    expanded: true,
    properties: [
      { key: { identifier: 'onSuccess' }, value: { kind: 'verbatim', text: '(result) => console.log(result)' } },
      {
        key: { identifier: 'onFailure' },
        value: { kind: 'verbatim', text: '(error) => console.error(error.message)' },
      },
    ],
  };
  const statements = {
    importStatement: printImport(['BasicAuthentication', 'Session', className], packageName),
    serviceStatement: printConstant('service', construct, false),
    callStatement: printConstant('result', { kind: 'await', argument: call(identifier('service'), [argument]) }, false),
    callbackImportStatement: printImport([className], `${packageName}/callback`),
    callbackStatement: printExpressionStatement(call(construct, [argument, callbacks])),
  };
  return {
    className,
    methodName,
    parameters:
      properties.length === 0
        ? '{}'
        : `{ ${properties.map(({ name, value }) => `${name}: ${placeholderText(value)}`).join(', ')} }`,
    ...statements,
    fence: fenceFor([statements.importStatement, statements.serviceStatement, statements.callStatement]),
    callbackFence: fenceFor([statements.callbackImportStatement, statements.callbackStatement]),
  };
}

/** Three backticks, or one more than the longest run of backticks in the block. */
function fenceFor(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.flatMap((text) => Array.from(text.matchAll(/`+/g), (run) => run[0].length)));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The first overload's parameters but a ServiceContext, which the portal fills in when it is left out. */
function exampleParameters(method: TypedMethod): readonly Parameter[] {
  const overload = method.overloads[0];
  if (overload === undefined) return [];
  return overload.action.parameters.filter(
    (parameter) => !(parameter.type.kind === 'object' && parameter.type.className.endsWith('ServiceContext')),
  );
}

function placeholder({ type }: Parameter): Expression {
  switch (type.kind) {
    case 'primitive':
      return type.name === 'boolean'
        ? literal('false')
        : type.name === 'char'
          ? { kind: 'string', value: 'a' }
          : literal('0');
    case 'string':
      return { kind: 'string', value: '' };
    case 'value':
      // A value class takes a number (BigDecimal, a Date's milliseconds), text (Locale) or any JSON value.
      return type.value === 'text'
        ? { kind: 'string', value: '' }
        : type.value === 'json'
          ? literal('null')
          : literal('0');
    case 'array':
    case 'list':
      return { kind: 'array', elements: [] };
    case 'file':
      return { kind: 'new', callee: identifier('Uint8Array'), arguments: [] };
    default:
      return literal('null');
  }
}

function placeholderText(value: Expression): string {
  if (value.kind === 'literal') return value.text;
  if (value.kind === 'string') return value.value === '' ? "''" : `'${value.value}'`;
  return value.kind === 'array' ? '[]' : 'new Uint8Array()';
}

function literal(text: string): Expression {
  return { kind: 'literal', text };
}

function identifier(name: string): Expression {
  return { kind: 'identifier', name };
}

function toKey(key: string): { identifier: string } | { string: string } {
  return key.startsWith('"') ? { string: JSON.parse(key) as string } : { identifier: key };
}
