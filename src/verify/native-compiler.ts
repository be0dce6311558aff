/**
 * Where the native TypeScript compiler is. TypeScript 7's `tsc` is a Go binary that the `typescript` package
 * ships in one package per platform (`@typescript/typescript-<platform>-<arch>`), an optional dependency
 * that npm installs for the machine's own platform only. `typescript`'s own launcher finds it this way but is
 * not exported, and going through it would start a second Node process per check.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VerifyError } from './verify-error.js';

export interface Platform {
  readonly platform: string;
  readonly arch: string;
}

/** The compiler's path; a VerifyError that says what to do when this platform's binary is not installed. */
export function nativeCompilerPath({ platform, arch }: Platform = process): string {
  const binaryPackage = `@typescript/typescript-${platform}-${arch}`;
  let folder: string;
  try {
    // Resolved from `typescript` itself: npm may nest its optional dependency under it.
    const fromTypeScript = createRequire(createRequire(import.meta.url).resolve('typescript/package.json'));
    folder = dirname(fromTypeScript.resolve(`${binaryPackage}/package.json`));
  } catch (error) {
    throw missingCompiler(binaryPackage, error);
  }
  const binary = join(folder, 'lib', platform === 'win32' ? 'tsc.exe' : 'tsc');
  if (!existsSync(binary)) throw missingCompiler(binaryPackage, undefined);
  return binary;
}

function missingCompiler(binaryPackage: string, cause: unknown): VerifyError {
  return new VerifyError(
    'verify.compiler-missing',
    `the native TypeScript compiler is not installed (${binaryPackage}, an optional dependency of typescript): ` +
      'reinstall without --omit=optional (npm install); on a platform TypeScript 7 does not support, generate with --no-verify ' +
      '(and without --emit js, which compiles with it)',
    { cause },
  );
}
