import { format } from 'prettier';
import { Project, StructureKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import {
  ImportDeclarationKind,
  InterfaceKind,
  printStatements,
  type Declaration,
} from '../../src/typemap/print-structures.js';

const statements: Declaration[] = [
  { kind: ImportDeclarationKind, isTypeOnly: true, namedImports: ['Upload'], moduleSpecifier: './runtime/index.js' },
  {
    kind: InterfaceKind,
    isExported: true,
    name: 'ServiceContext',
    docs: ['One line.'],
    properties: [
      { name: 'scopeGroupId', type: 'number', hasQuestionToken: true, docs: ['The site.'] },
      { name: '"my-key"', type: 'string[] | null' },
    ],
    indexSignatures: [{ keyName: 'field', keyType: 'string', returnType: 'unknown' }],
  },
  { kind: InterfaceKind, isExported: true, name: 'Empty', docs: ['Two\nlines'], properties: [] },
  {
    kind: InterfaceKind,
    isExported: true,
    name: 'Layout',
    docs: ['`com.liferay.Layout`'],
    indexSignatures: [{ keyName: 'property', keyType: 'string', returnType: 'unknown' }],
  },
];

describe('printStatements', () => {
  it('uses the same kind numbers as ts-morph', () => {
    expect([ImportDeclarationKind, InterfaceKind]).toEqual([StructureKind.ImportDeclaration, StructureKind.Interface]);
  });

  it('prints what ts-morph prints, once formatted', async () => {
    const byTsMorph = new Project({ useInMemoryFileSystem: true })
      .createSourceFile('models.ts', { statements })
      .getFullText();
    const options = { parser: 'typescript', singleQuote: true, printWidth: 120 } as const;
    expect(await format(printStatements(statements), options)).toBe(await format(byTsMorph, options));
  });
});
