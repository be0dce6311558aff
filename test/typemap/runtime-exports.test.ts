import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { RUNTIME_EXPORTS, RUNTIME_NAMES, readExportLists } from '../../src/typemap/runtime-exports.js';

function exportedBy(module: string): string[] {
  const project = new Project({
    tsConfigFilePath: new URL('../../tsconfig.json', import.meta.url).pathname,
    skipAddingFilesFromTsConfig: true,
  });
  const file = project.addSourceFileAtPath(new URL(`../../src/runtime/${module}.ts`, import.meta.url).pathname);
  return [...file.getExportedDeclarations().keys()].sort();
}

describe('RUNTIME_EXPORTS and RUNTIME_NAMES', () => {
  it('equal what the TypeScript compiler sees exported from src/runtime/index.ts, and with internal.ts', () => {
    expect(RUNTIME_EXPORTS).toEqual(exportedBy('index'));
    expect(RUNTIME_NAMES).toEqual([...new Set([...exportedBy('index'), ...exportedBy('internal')])].sort());
    // Generated modules import the internals from internal.ts only: the public index has none of them.
    expect(RUNTIME_EXPORTS).not.toContain('defineService');
    expect(RUNTIME_NAMES).toContain('defineService');
  });

  it('refuses an index written in a form the scan does not read', () => {
    expect(readExportLists("export { A } from './a.js';\nexport type { B as C } from './b.js';")).toEqual(['A', 'C']);
    expect(() => readExportLists("export * from './a.js';")).toThrow(/only "export \{ \.\.\. \} from" lists/);
    expect(() => readExportLists('export const x = 1;')).toThrow(/only/);
  });
});
