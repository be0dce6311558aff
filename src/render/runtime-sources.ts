/**
 * The runtime's own TypeScript sources, emitted byte for byte into every package as `src/runtime/`:
 * one source of truth, tested in the builder.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import type { RenderedFile } from './render-package.js';

const RUNTIME_SOURCES = packagePath('src/runtime/');

export function loadRuntimeFiles(): RenderedFile[] {
  return readdirSync(RUNTIME_SOURCES)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => ({ path: `src/runtime/${name}`, contents: readFileSync(`${RUNTIME_SOURCES}${name}`, 'utf8') }));
}
