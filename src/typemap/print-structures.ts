/**
 * Prints the few kinds of ts-morph structures that `models.ts` is built from (type-only imports and interfaces:
 * never type aliases, which an app could not augment) without loading the TypeScript compiler, which would
 * cost a third of a second at every run, in prettier's shape (through src/typemap/print/). A test holds the
 * output identical to ts-morph's own printing of the same structures once prettier has formatted that.
 */
import type {
  ImportDeclarationStructure,
  OptionalKind,
  IndexSignatureDeclarationStructure,
  InterfaceDeclarationStructure,
  PropertySignatureStructure,
} from 'ts-morph';
import { printImport, printInterfaceMember, printInterfaceOpening } from './print/print-declaration.js';
import { parseType } from './print/type-syntax.js';

export type Declaration = ImportDeclarationStructure | InterfaceDeclarationStructure;

// The kind values of ts-morph's StructureKind enum, so that the enum itself need not be loaded.
export const ImportDeclarationKind = 16 as ImportDeclarationStructure['kind'];
export const InterfaceKind = 19 as InterfaceDeclarationStructure['kind'];

export function printStatements(statements: readonly Declaration[]): string {
  return statements.map(printStatement).join('\n\n');
}

function printStatement(statement: Declaration): string {
  if (statement.kind !== ImportDeclarationKind && (statement as { isExported?: boolean }).isExported !== true) {
    throw new Error('print-structures: models.ts declares exported interfaces and types only');
  }
  switch (statement.kind) {
    case ImportDeclarationKind: {
      const { namedImports, moduleSpecifier, isTypeOnly } = statement;
      return printImport(
        (Array.isArray(namedImports) ? namedImports : []).map(String),
        moduleSpecifier,
        isTypeOnly === true,
      );
    }
    case InterfaceKind: {
      const { name, properties = [], indexSignatures = [] } = statement;
      const members = [...indexSignatures.map(printIndexSignature), ...properties.map(printProperty)];
      const opening = printInterfaceOpening(name);
      const body = members.length === 0 ? `${opening.slice(0, -1)}{}` : `${opening}\n${members.join('\n')}\n}`;
      return `${printDocs(statement.docs)}${body}`;
    }
    default:
      throw new Error(`print-structures: unsupported structure kind ${String((statement as { kind: unknown }).kind)}`);
  }
}

function printProperty(property: OptionalKind<PropertySignatureStructure>): string {
  const key = property.name.startsWith('"')
    ? { string: JSON.parse(property.name) as string }
    : { identifier: property.name };
  const member = printInterfaceMember({
    kind: 'property',
    key,
    optional: property.hasQuestionToken === true,
    type: parseType(String(property.type)),
  });
  return `${printDocs(property.docs, '  ')}  ${member}`;
}

function printIndexSignature(signature: OptionalKind<IndexSignatureDeclarationStructure>): string {
  const member = printInterfaceMember({
    kind: 'index',
    name: signature.keyName ?? 'key',
    keyType: parseType(String(signature.keyType ?? 'string')),
    type: parseType(String(signature.returnType)),
  });
  return `  ${member}`;
}

/** One-line docs as `/** text *\/`, longer ones as a block: as ts-morph writes them, and prettier keeps them. */
function printDocs(docs: readonly unknown[] | undefined, indent = ''): string {
  const texts = (docs ?? []).map(String);
  return texts
    .map((text) =>
      text.includes('\n')
        ? `${indent}/**\n${text
            .split('\n')
            .map((line) => `${indent} * ${line}`.trimEnd())
            .join('\n')}\n${indent} */\n`
        : `${indent}/** ${text} */\n`,
    )
    .join('');
}
