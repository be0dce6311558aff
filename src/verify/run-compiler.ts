/**
 * One run of the native compiler as a child process, and what it said: the diagnostics `tsc --pretty false`
 * prints, one per `file(line,column): error TSnnnn: message` line (continuation lines indented), or with no
 * file for a configuration error.
 */
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { nativeCompilerPath } from './native-compiler.js';
import { VerifyError } from './verify-error.js';

export interface Diagnostic {
  /** Relative to the folder the compiler ran in, with forward slashes; undefined for a global diagnostic. */
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly code: string;
  readonly message: string;
}

const LOCATED = /^(.+)\((\d+),\d+\): error (TS\d+): (.*)$/;
const GLOBAL = /^error (TS\d+): (.*)$/;

/**
 * Type-checking threads: one per core but one, at most tsc's default of four. More threads than cores only
 * cost memory: on two cores, one checker checks the 7.3 corpus package in the same wall time as four, with
 * 8 to 11 MiB less (docs/performance.md), which is what keeps a run's peak within its budget.
 */
export function checkerCount(cores = availableParallelism()): number {
  return Math.min(4, Math.max(1, cores - 1));
}

/** Runs `tsc <args>` in `folder`; resolves with its diagnostics (none: it succeeded). */
export function runCompiler(folder: string, args: readonly string[]): Promise<Diagnostic[]> {
  const compiler = nativeCompilerPath();
  return new Promise((resolve, reject) => {
    execFile(
      compiler,
      [...args, '--checkers', String(checkerCount()), '--pretty', 'false'],
      { cwd: folder, maxBuffer: 256 * 1024 * 1024, windowsHide: true },
      (error, stdout) => {
        const diagnostics = parseDiagnostics(stdout);
        // tsc exits 1 or 2 when it reports diagnostics; anything else (a signal, a crash) is the compiler failing.
        if (error === null || diagnostics.length > 0) resolve(diagnostics);
        else
          reject(
            new VerifyError(
              'verify.compiler-failed',
              `the TypeScript compiler (${compiler}) failed: ${error.message.split('\n')[0] ?? ''}`,
              { cause: error },
            ),
          );
      },
    );
  });
}

export function parseDiagnostics(output: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of output.split(/\r?\n/)) {
    const located = LOCATED.exec(line);
    const global = located === null ? GLOBAL.exec(line) : null;
    if (located !== null) {
      diagnostics.push({
        file: (located[1] ?? '').split('\\').join('/'),
        line: Number(located[2]),
        code: located[3] ?? '',
        message: located[4] ?? '',
      });
    } else if (global !== null) {
      diagnostics.push({ file: undefined, line: undefined, code: global[1] ?? '', message: global[2] ?? '' });
    } else if (/^\s+\S/.test(line) && diagnostics.length > 0) {
      // A chained message's next part: one line, as the old in-process verify flattened them.
      const last = diagnostics.pop() as Diagnostic;
      diagnostics.push({ ...last, message: `${last.message} ${line.trim()}` });
    }
  }
  return diagnostics;
}

/** "src/services/blogsentry.ts:12: Cannot find name 'X'." */
export function describeDiagnostic({ file, line, message }: Diagnostic): string {
  return file === undefined ? message : `${file}:${line ?? '?'}: ${message}`;
}
