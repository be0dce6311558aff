/**
 * The statements of a service's modules whose layout depends on their length (long names, many overloads,
 * wide types), printed in prettier's shape by src/typemap/print/ for the templates to place. Every name is
 * checked as an identifier and every string from the document quoted by the printer itself.
 */
import type { ParameterSpec } from '../runtime/spec.js';
import type { TypedField, TypedMethod, TypedOverload, TypedService } from '../typemap/index.js';
import { toOverloadSpec } from '../typemap/parameter-spec.js';
import {
  printConstant,
  printImport,
  printInterfaceMember,
  printInterfaceOpening,
  printTypeAlias,
} from '../typemap/print/print-declaration.js';
import type { Expression } from '../typemap/print/print-expression.js';
import type { TypeParameter } from '../typemap/print/print-type.js';
import { parseType, type PropertyKey, type TypeNode } from '../typemap/print/type-syntax.js';

/** `Style extends CallStyle = 'sync'`: the type parameter of every service interface and type. */
const STYLE: TypeParameter = {
  name: 'Style',
  constraint: reference('CallStyle'),
  default: { kind: 'string', value: 'sync' },
};

export interface PrintedService {
  readonly imports: readonly string[];
  readonly interfaceOpening: string;
  readonly actionsDeclaration: string;
  readonly typeDeclaration: string;
  readonly classDeclaration: string;
  readonly callbackTypeDeclaration: string;
  readonly callbackClassDeclaration: string;
}

export function printService(
  service: TypedService,
  runtimeImports: readonly string[],
  typesModule: string,
): PrintedService {
  const { className, actionsName } = service;
  // The second type argument is the same interface in chain style, for `call(Service)` (runtime/chain.ts).
  const construct = (define: string, chained: TypeNode): Expression => ({
    kind: 'call',
    pure: true,
    callee: { kind: 'identifier', name: define },
    typeArguments: [reference(className), chained],
    arguments: [
      { kind: 'string', value: className },
      { kind: 'identifier', name: actionsName },
    ],
  });
  const styled = (style: string): TypeNode => ({
    kind: 'import',
    module: '../services/index.js',
    qualifier: className,
    args: [{ kind: 'string', value: style }],
  });
  return {
    imports: [
      printImport(runtimeImports, '../runtime/index.js', true),
      ...(service.modelImports.length > 0 ? [printImport(service.modelImports, '../models.js', true)] : []),
    ],
    interfaceOpening: printInterfaceOpening(className, [STYLE]),
    actionsDeclaration: printConstant(actionsName, {
      kind: 'satisfies',
      expression: { kind: 'object', expanded: true, properties: service.methods.map(actionEntry) },
      type: reference('Record', [{ kind: 'keyword', name: 'string' }, reference('ActionSpec')]),
    }),
    typeDeclaration: printTypeAlias(
      className,
      { kind: 'import', module: typesModule, qualifier: className, args: [reference('Style')] },
      [STYLE],
    ),
    classDeclaration: printConstant(
      className,
      construct('defineService', reference(className, [{ kind: 'string', value: 'chain' }])),
    ),
    callbackTypeDeclaration: printTypeAlias(className, styled('callback')),
    callbackClassDeclaration: printConstant(className, construct('defineCallbackService', styled('chain'))),
  };
}

/** `name: ServiceMethod<Style, Parameters, Result> & ...;`: one signature per overload. */
export function printMethodMember(method: TypedMethod): string {
  const signatures = method.overloads.map((overload) =>
    reference('ServiceMethod', [
      reference('Style'),
      reference(overload.parametersName),
      parseType(overload.resultType),
    ]),
  );
  const type: TypeNode =
    signatures.length === 1 ? (signatures[0] as TypeNode) : { kind: 'intersection', types: signatures };
  return printInterfaceMember({ kind: 'property', key: { identifier: method.name }, optional: false, type });
}

/** `export type <Method>Parameters = A | B;`: the union of a method's overloads' parameters types. */
export function printParametersUnion(method: TypedMethod): string {
  const types = method.overloads.map((overload) => reference(overload.parametersName));
  return printTypeAlias(method.parametersName, types.length === 1 ? (types[0] as TypeNode) : { kind: 'union', types });
}

export function printFieldMember(field: TypedField): string {
  return printInterfaceMember({
    kind: 'property',
    key: toKey(field.key),
    optional: field.optional,
    type: parseType(field.type),
  });
}

/** `export type XParameters = Record<string, never>;`: the parameters type of an overload without parameters. */
export function printEmptyParameters(overload: TypedOverload): string {
  return printTypeAlias(
    overload.parametersName,
    reference('Record', [
      { kind: 'keyword', name: 'string' },
      { kind: 'keyword', name: 'never' },
    ]),
  );
}

/** `name: ['/path', [overload, ...]]`: each overload compact (`'a b:file'`) or as the list of its parameters. */
function actionEntry(method: TypedMethod): { key: PropertyKey; value: Expression } {
  const overloads = method.overloads.map((overload) => {
    const spec = toOverloadSpec(overload.spec);
    return typeof spec === 'string' ? text(spec) : list(spec.map(parameterSpec));
  });
  return { key: { identifier: method.name }, value: list([text(method.path), list(overloads)]) };
}

function parameterSpec(spec: ParameterSpec): Expression {
  return typeof spec === 'string' ? text(spec) : list(spec.map(text));
}

function text(value: string): Expression {
  return { kind: 'string', value };
}

function list(elements: readonly Expression[]): Expression {
  return { kind: 'array', elements };
}

function reference(name: string, args?: readonly TypeNode[]): TypeNode {
  return { kind: 'reference', name, args };
}

/** A key as the typemap wrote it (an identifier or a JSON string literal) as the printer takes it. */
function toKey(key: string): PropertyKey {
  return key.startsWith('"') ? { string: JSON.parse(key) as string } : { identifier: key };
}
