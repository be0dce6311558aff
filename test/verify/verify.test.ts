/**
 * Verify: the native TypeScript compiler on the package as it will be written. It passes a generated package,
 * and fails on any type error, naming the generated file and line; a missing compiler binary is a specific
 * error that says what to do.
 */
import { describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../src/render/render-package.js';
import { exitCodeOf } from '../../src/cli/exit-codes.js';
import { nativeCompilerPath } from '../../src/verify/native-compiler.js';
import { parseDiagnostics } from '../../src/verify/run-compiler.js';
import { verifyFiles } from '../../src/verify/verify-package.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

async function generatedFiles(): Promise<RenderedFile[]> {
  const [generated] = await buildInMemory('fixtures/discovery/7.x/portal.json');
  return [...(generated?.files ?? [])];
}

function edited(files: RenderedFile[], path: string, change: (text: string) => string): RenderedFile[] {
  return files.map((file) => (file.path === path ? { path, contents: change(file.contents) } : file));
}

describe('the verify stage', () => {
  it('passes a generated package', async () => {
    await expect(verifyFiles(await generatedFiles(), 'context portal')).resolves.toBeUndefined();
  });

  it.each<[string, string, (text: string) => string, RegExp]>([
    [
      'a type error',
      'src/services/blogsentry.ts',
      (text) => text.replace('groupId: number;', 'groupId: NoSuchType;'),
      /first: src\/services\/blogsentry\.ts:\d+: Cannot find name 'NoSuchType'/,
    ],
    [
      'an import of a file that is not in the package',
      'src/callback/index.ts',
      (text) => text.replace("} from '../services/index.js';", "} from '../../../../etc/services.js';"),
      /first: src\/callback\/index\.ts:\d+: Cannot find module/,
    ],
    [
      'a strict-mode error',
      'src/index.ts',
      (text) => `${text}\nexport const unsafe = [1][0] + 1;\n`,
      /first: src\/index\.ts:\d+: Object is possibly 'undefined'/,
    ],
    [
      'a missing runtime export',
      'src/services/index.ts',
      (text) => text.replace('import { defineService,', 'import { defineServices,'),
      /src\/services\/index\.ts:\d+: .*'defineServices'/,
    ],
    [
      'a type error in the runtime',
      'src/runtime/errors.ts',
      (text) => `${text}\nexport const broken: string = 1;\n`,
      /first: src\/runtime\/errors\.ts:\d+: Type 'number' is not assignable to type 'string'/,
    ],
  ])('fails on %s, naming the file and line', async (_name, path, change, message) => {
    const files = edited(await generatedFiles(), path, change);
    const failure = verifyFiles(files, 'context portal');
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toMatchObject({ code: 'verify.type-error' });
  });

  it('names the line of the generated file exactly', async () => {
    const files = edited(
      await generatedFiles(),
      'src/models.ts',
      (text) => `${text}\n\nexport const wrong: number = 'text';\n`,
    );
    const line = (files.find((file) => file.path === 'src/models.ts')?.contents.split('\n').length ?? 0) - 1;
    await expect(verifyFiles(files, 'context portal')).rejects.toThrow(
      `src/models.ts:${line}: Type 'string' is not assignable to type 'number'.`,
    );
  });
});

describe('the native compiler', () => {
  it('is found for this platform', () => {
    expect(nativeCompilerPath()).toMatch(
      /[\\/]@typescript[\\/]typescript-[a-z0-9]+-[a-z0-9]+[\\/]lib[\\/]tsc(\.exe)?$/,
    );
  });

  it('is a specific error, with exit code 13, where this platform has no binary (or optional dependencies were omitted)', () => {
    let error: unknown;
    try {
      nativeCompilerPath({ platform: 'plan9', arch: 'mips' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'verify.compiler-missing' });
    expect((error as Error).message).toMatch(/@typescript\/typescript-plan9-mips.*--omit=optional.*--no-verify/);
    expect(exitCodeOf((error as { code: string }).code)).toBe(13);
  });
});

describe("the compiler's diagnostics", () => {
  it('are read file by file, with chained messages on one line and global ones without a file', () => {
    const output = [
      "src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "src\\b.ts(10,1): error TS2345: Argument of type 'X' is not assignable to parameter of type 'Y'.",
      "  Property 'z' is missing in type 'X' but required in type 'Y'.",
      "error TS5023: Unknown compiler option 'nope'.",
      '',
    ].join('\n');
    expect(parseDiagnostics(output)).toEqual([
      { file: 'src/a.ts', line: 3, code: 'TS2322', message: "Type 'string' is not assignable to type 'number'." },
      {
        file: 'src/b.ts',
        line: 10,
        code: 'TS2345',
        message:
          "Argument of type 'X' is not assignable to parameter of type 'Y'. Property 'z' is missing in type 'X' but required in type 'Y'.",
      },
      { file: undefined, line: undefined, code: 'TS5023', message: "Unknown compiler option 'nope'." },
    ]);
  });
});
