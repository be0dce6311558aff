/** Files in memory → a folder (created as needed): staging a package, or a temporary copy for the compiler. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedFile } from '../render/render-package.js';

export async function writeFiles(folder: string, files: readonly RenderedFile[]): Promise<void> {
  const folders = new Set(files.map((file) => dirname(join(folder, file.path))));
  for (const each of [...folders].sort()) await mkdir(each, { recursive: true });
  await Promise.all(files.map((file) => writeFile(join(folder, file.path), file.contents)));
}
