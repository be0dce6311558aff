/**
 * Verify stage: the generated package, staged on disk before it is swapped in, type-checked by the native
 * TypeScript compiler with the package's own tsconfig.json (strict, noUncheckedIndexedAccess,
 * exactOptionalPropertyTypes), exactly as a user's `tsc` would check it. Declarations are not emitted: that
 * is the package's own build. A diagnostic means a generator bug or input we failed to sanitise: the run
 * fails, naming the generated file and line, and nothing is written.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedFile } from '../render/render-package.js';
import { count } from '../count.js';
import { writeFiles } from '../write/write-files.js';
import { describeDiagnostic, runCompiler } from './run-compiler.js';
import { VerifyError } from './verify-error.js';

/** Type-checks the package in `folder` (a staged output); `label` names it in the error ("context portal"). */
export async function verifyFolder(folder: string, label: string): Promise<void> {
  const diagnostics = await runCompiler(folder, ['-p', '.', '--noEmit', '--declaration', 'false']);
  const first = diagnostics[0];
  if (first === undefined) return;
  throw new VerifyError(
    'verify.type-error',
    `the generated package for ${label} does not type-check (${count(diagnostics.length, 'diagnostic')}); first: ${describeDiagnostic(first)} ` +
      'This is a liferay-sdk-builder bug: please report it (--no-verify skips this check).',
  );
}

/** The same check on files in memory (`generate --check`, tests): written to a temporary folder first. */
export async function verifyFiles(files: readonly RenderedFile[], label: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'liferay-sdk-builder-verify-'));
  try {
    await writeFiles(folder, files);
    await verifyFolder(folder, label);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
