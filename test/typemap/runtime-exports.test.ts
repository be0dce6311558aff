import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNTIME_EXPORTS } from '../../src/typemap/runtime-exports.js';

/** Names `src/runtime/index.ts` exports, read from its `export { ... }` and `export type { ... }` lists. */
function runtimeExportNames(): string[] {
  const source = readFileSync(new URL('../../src/runtime/index.ts', import.meta.url), 'utf8');
  const names: string[] = [];
  for (const match of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of (match[1] ?? '').split(',')) {
      const name = item.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name !== undefined && name !== '') names.push(name);
    }
  }
  return names.sort();
}

describe('RUNTIME_EXPORTS', () => {
  it('holds every name the runtime exports, so no generated name can shadow one', () => {
    const missing = runtimeExportNames().filter((name) => !RUNTIME_EXPORTS.includes(name));
    expect(missing).toEqual([]);
  });
});
