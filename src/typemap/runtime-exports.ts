/**
 * Every name `src/runtime/index.ts` exports. A generated package's index re-exports the runtime next to
 * its services and models, so no generated name may take one of these. Read from the runtime's own source
 * (shipped with the builder, copied verbatim into every package), so the list cannot fall behind it; the
 * index keeps to `export { ... } from` and `export type { ... } from` lists, which a short scan reads without
 * loading the TypeScript compiler at start-up (a test holds the index to that form).
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';

const RUNTIME_INDEX = packagePath('src/runtime/index.ts');

export const RUNTIME_EXPORTS: readonly string[] = readExportLists(readFileSync(RUNTIME_INDEX, 'utf8'));

export function readExportLists(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const names = new Set<string>();
  const statements = code.split(';').map((statement) => statement.trim()).filter((statement) => statement.length > 0);
  for (const statement of statements) {
    const list = /^export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"][^'"]+['"]$/.exec(statement);
    if (list === null) throw new Error(`src/runtime/index.ts: only "export { ... } from" lists are supported, found: ${statement.slice(0, 80)}`);
    for (const item of (list[1] ?? '').split(',')) {
      const name = item.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name !== undefined && name !== '') names.add(name);
    }
  }
  return [...names].sort();
}
