import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { RUNTIME_EXPORTS, readExportLists } from '../../src/typemap/runtime-exports.js';

describe('RUNTIME_EXPORTS', () => {
  it('equals what the TypeScript compiler sees exported from src/runtime/index.ts', () => {
    const project = new Project({ tsConfigFilePath: new URL('../../tsconfig.json', import.meta.url).pathname, skipAddingFilesFromTsConfig: true });
    const index = project.addSourceFileAtPath(new URL('../../src/runtime/index.ts', import.meta.url).pathname);
    expect(RUNTIME_EXPORTS).toEqual([...index.getExportedDeclarations().keys()].sort());
  });

  it('refuses an index written in a form the scan does not read', () => {
    expect(readExportLists("export { A } from './a.js';\nexport type { B as C } from './b.js';")).toEqual(['A', 'C']);
    expect(() => readExportLists("export * from './a.js';")).toThrow(/only "export \{ \.\.\. \} from" lists/);
    expect(() => readExportLists('export const x = 1;')).toThrow(/only/);
  });
});
