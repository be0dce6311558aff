/**
 * Verify: type-check the generated package in memory, with the options its own tsconfig.json gives, before
 * anything is written. A diagnostic means a generator bug or input we failed to sanitise: fail loudly.
 */
import type { RenderedFile } from '../render/render-package.js';
import { GenerationError } from './write-error.js';

export async function verifyPackage(files: readonly RenderedFile[], label: string): Promise<void> {
  const { Project, ts } = await import('ts-morph');
  const tsconfig = files.find((file) => file.path === 'tsconfig.json');
  const { compilerOptions = {} } = tsconfig === undefined ? {} : (JSON.parse(tsconfig.contents) as { compilerOptions?: object });
  const options = ts.convertCompilerOptionsFromJson(compilerOptions, '/package').options;
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...options, noEmit: true } });
  for (const file of files) {
    if (file.path.endsWith('.ts')) project.createSourceFile(`/package/${file.path}`, file.contents);
  }
  const diagnostics = project.getPreEmitDiagnostics();
  const first = diagnostics[0];
  if (first === undefined) return;
  const file = first.getSourceFile()?.getFilePath().replace('/package/', '') ?? '?';
  const message = ts.flattenDiagnosticMessageText(first.compilerObject.messageText, ' ');
  throw new GenerationError(
    'generate.verify',
    `the generated package for ${label} does not type-check (${diagnostics.length} diagnostic(s)); first: ` +
      `${file}:${first.getLineNumber() ?? '?'}: ${message}. This is a liferay-sdk-builder bug: please report it ` +
      '(--no-verify skips this check).',
  );
}
