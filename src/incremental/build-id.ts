/**
 * The generator's identity for caches: a hash of its own compiled code, bundled templates and runtime
 * sources, and the versions of the libraries that shape the output. VERSION alone is not enough: during
 * development the code changes without a version bump, and a cache must never outlive the code that filled it.
 * Computed from the files themselves (a few hundred KB, a few ms), once per process.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashTree } from './hash-tree.js';

/** Two folders below the package root: src/incremental/ (tests), dist/incremental/ (tsc) or dist/bin/ (the CLI bundle). */
const CODE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Libraries whose version changes what is written or whether it passes: templates, formatter, type printer, compiler (verify, --emit js). */
const LIBRARIES = ['handlebars', 'prettier', 'ts-morph', '@ts-morph/common', 'typescript'];

let memo: string | undefined;

export function generatorBuildId(): string {
  memo ??= computeBuildId();
  return memo;
}

function computeBuildId(): string {
  const hash = createHash('sha256').update(`${process.version}\0`);
  hashTree(hash, CODE_ROOT, { include: isCode });
  hashTree(hash, join(PACKAGE_ROOT, 'templates'));
  hashTree(hash, join(PACKAGE_ROOT, 'src', 'runtime'));
  // VERSION, printed in every file's header, comes from here.
  hash.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  for (const library of LIBRARIES) hash.update(`${library}@${libraryVersion(library)}\0`);
  return hash.digest('hex');
}

/**
 * Compiled code (and, when run from sources, the sources); declarations and source maps change no output,
 * and node_modules or dot folders are not the generator.
 */
function isCode(entry: Dirent): boolean {
  if (entry.isDirectory()) return entry.name !== 'node_modules' && !entry.name.startsWith('.');
  return /\.(m?js|cjs|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts');
}

/**
 * A library's installed version, or "?" when it cannot be found (then it cannot have shaped any output
 * either). Looked up as Node resolves packages, nearest node_modules first (a nested one for ts-morph's own
 * dependency), by reading package.json files directly: require.resolve costs more than the whole check.
 */
function libraryVersion(name: string): string {
  const from = name.startsWith('@ts-morph/')
    ? [join(PACKAGE_ROOT, 'node_modules', 'ts-morph'), PACKAGE_ROOT]
    : [PACKAGE_ROOT];
  for (const start of from) {
    for (let dir = start; ; dir = dirname(dir)) {
      const version = readVersion(join(dir, 'node_modules', name, 'package.json'));
      if (version !== undefined) return version;
      if (dirname(dir) === dir) break;
    }
  }
  return '?';
}

function readVersion(manifest: string): string | undefined {
  try {
    return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version);
  } catch {
    return undefined;
  }
}
