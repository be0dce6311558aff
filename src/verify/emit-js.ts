/**
 * `--emit js`: the package's TypeScript compiled by the native compiler to ESM JavaScript plus `.d.ts` under
 * `dist/`, for consumers without a TypeScript build; sources and tsconfig.json are not part of the output.
 * The compiler runs once, in a temporary folder: with verify on, its diagnostics fail the run as verify's do
 * (this run is the package's type-check), with --no-verify they are ignored as a build would.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from '../count.js';
import type { RenderedFile } from '../render/render-package.js';
import { writeFiles } from '../write/write-files.js';
import { describeDiagnostic, runCompiler } from './run-compiler.js';
import { VerifyError } from './verify-error.js';

export interface EmitOptions {
  /** Fail on any diagnostic (default true). */
  readonly verify?: boolean;
  /** Names the package in errors ("context portal"). */
  readonly label?: string;
}

export async function emitJavaScript(
  files: readonly RenderedFile[],
  options: EmitOptions = {},
): Promise<RenderedFile[]> {
  const label = options.label ?? 'the package';
  const folder = await mkdtemp(join(tmpdir(), 'liferay-sdk-builder-emit-'));
  try {
    // package.json too: its "type": "module" makes NodeNext emit ES modules.
    await writeFiles(folder, files);
    const diagnostics = await runCompiler(folder, ['-p', '.']);
    const first = diagnostics[0];
    if (first !== undefined && options.verify !== false) {
      throw new VerifyError(
        'verify.type-error',
        `the generated package for ${label} does not compile (${count(diagnostics.length, 'diagnostic')}); first: ${describeDiagnostic(first)} This is a liferay-sdk-builder bug: please report it.`,
      );
    }
    const emitted = await readEmitted(folder, 'dist');
    if (emitted.length === 0)
      throw new VerifyError(
        'verify.emit-failed',
        `compiling the generated package for ${label} to JavaScript emitted nothing${first === undefined ? '' : `: ${describeDiagnostic(first)}`}`,
      );
    const headers = new Map(files.map((file) => [file.path.replace(/\.ts$/, ''), leadingComments(file.contents)]));
    const compiled = await Promise.all(
      emitted.map(async (path) => ({
        path,
        contents: withHeader(await readFile(join(folder, path), 'utf8'), headers.get(sourceOf(path)) ?? ''),
      })),
    );
    const kept = files.filter((file) => !file.path.startsWith('src/') && file.path !== 'tsconfig.json');
    return [...kept, ...compiled].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** `dist/services/user.d.ts` → `src/services/user`. */
function sourceOf(path: string): string {
  return path.replace(/^dist\//, 'src/').replace(/\.(d\.ts|js)$/, '');
}

async function readEmitted(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
  const paths: string[] = [];
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) paths.push(...(await readEmitted(root, path)));
    else paths.push(path);
  }
  return paths;
}

/** The `//` lines a source file opens with: the DO NOT EDIT header, which the compiler drops with `import type`. */
function leadingComments(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function withHeader(text: string, header: string): string {
  return header === '' || text.startsWith(header) ? text : `${header}${text}`;
}
