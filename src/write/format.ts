/**
 * Formatting with prettier, in process, before anything is written: generated files read as if written by
 * hand and diffs between generations stay small. The runtime is left byte for byte as it is.
 */
import type { RenderedFile } from '../render/render-package.js';

const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

function parserFor(path: string): string | undefined {
  if (path.startsWith('src/runtime/')) return undefined;
  if (path.endsWith('.ts')) return 'typescript';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

export async function formatFiles(files: readonly RenderedFile[]): Promise<RenderedFile[]> {
  const prettier = await import('prettier');
  return Promise.all(
    files.map(async (file) => {
      const parser = parserFor(file.path);
      if (parser === undefined) return file;
      return { path: file.path, contents: await prettier.format(file.contents, { ...PRETTIER_OPTIONS, parser }) };
    }),
  );
}
