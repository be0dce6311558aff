/**
 * Prints the few kinds of ts-morph structures that `models.ts` is built from (type-only imports and interfaces:
 * never type aliases, which an app could not augment) without loading the TypeScript compiler, which would
 * cost a third of a second at every run.
 * A test holds the output, once formatted, identical to ts-morph's own printing of the same structures.
 */
import type {
  ImportDeclarationStructure,
  OptionalKind,
  IndexSignatureDeclarationStructure,
  InterfaceDeclarationStructure,
  PropertySignatureStructure,
} from 'ts-morph';

export type Declaration = ImportDeclarationStructure | InterfaceDeclarationStructure;

// The kind values of ts-morph's StructureKind enum, so that the enum itself need not be loaded.
export const ImportDeclarationKind = 16 as ImportDeclarationStructure['kind'];
export const InterfaceKind = 19 as InterfaceDeclarationStructure['kind'];

export function printStatements(statements: readonly Declaration[]): string {
  return `${statements.map(printStatement).join('\n\n')}\n`;
}

function printStatement(statement: Declaration): string {
  switch (statement.kind) {
    case ImportDeclarationKind: {
      const { namedImports, moduleSpecifier, isTypeOnly } = statement as ImportDeclarationStructure;
      const names = (Array.isArray(namedImports) ? namedImports : []).map(String).join(', ');
      return `import ${isTypeOnly === true ? 'type ' : ''}{ ${names} } from ${JSON.stringify(moduleSpecifier)};`;
    }
    case InterfaceKind: {
      const { name, properties = [], indexSignatures = [] } = statement as InterfaceDeclarationStructure;
      const members = [...indexSignatures.map(printIndexSignature), ...properties.map(printProperty)];
      return `${printDocs(statement.docs)}${exported(statement)}interface ${name} {\n${members.join('\n')}${members.length > 0 ? '\n' : ''}}`;
    }
    default:
      throw new Error(`print-structures: unsupported structure kind ${String((statement as { kind: unknown }).kind)}`);
  }
}

function printProperty(property: OptionalKind<PropertySignatureStructure>): string {
  return `${printDocs(property.docs, '    ')}    ${property.name}${property.hasQuestionToken === true ? '?' : ''}: ${String(property.type)};`;
}

function printIndexSignature(signature: OptionalKind<IndexSignatureDeclarationStructure>): string {
  return `    [${signature.keyName ?? 'key'}: ${String(signature.keyType ?? 'string')}]: ${String(signature.returnType)};`;
}

function exported(statement: { isExported?: boolean }): string {
  return statement.isExported === true ? 'export ' : '';
}

/** One-line docs as `/** text *\/`, longer ones as a block: as ts-morph writes them. */
function printDocs(docs: readonly unknown[] | undefined, indent = ''): string {
  const texts = (docs ?? []).map(String);
  return texts.map((text) => (text.includes('\n') ? `${indent}/**\n${text.split('\n').map((line) => `${indent} * ${line}`).join('\n')}\n${indent} */\n` : `${indent}/** ${text} */\n`)).join('');
}
