/**
 * Every name the runtime exports: `src/runtime/index.ts` (public; a generated package's index re-exports it
 * next to its services and models) and `src/runtime/internal.ts` (what generated modules import besides).
 * No generated name may take one of these. Read from the runtime's own source (shipped with the builder,
 * copied verbatim into every package), so the lists cannot fall behind it; both modules keep to
 * `export { ... } from` and `export type { ... } from` lists, which a short scan reads without loading the
 * TypeScript compiler at start-up (a test holds them to that form).
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';

const read = (module: string): string[] =>
  readExportLists(readFileSync(packagePath(`src/runtime/${module}.ts`), 'utf8'), module);

/** The public runtime's names, which generated types may import from `runtime/index.js`. */
export const RUNTIME_EXPORTS: readonly string[] = read('index');

/** Every name of the runtime a generated module may see: the public ones and the internal ones. */
export const RUNTIME_NAMES: readonly string[] = [...new Set([...RUNTIME_EXPORTS, ...read('internal')])].sort();

export function readExportLists(source: string, module = 'index'): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const names = new Set<string>();
  const statements = code
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
  for (const statement of statements) {
    const list = /^export\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"][^'"]+['"]$/.exec(statement);
    if (list === null)
      throw new Error(
        `src/runtime/${module}.ts: only "export { ... } from" lists are supported, found: ${statement.slice(0, 80)}`,
      );
    for (const item of (list[1] ?? '').split(',')) {
      const name = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name !== undefined && name !== '') names.add(name);
    }
  }
  return [...names].sort();
}
