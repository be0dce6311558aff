/** The generated sources of a package on disk, as RenderedFiles, for comparing against a new generation. */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { RenderedFile } from '../render/render-package.js';

export async function readPackageSources(out: string): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else files.push({ path: relative(out, path).split('\\').join('/'), contents: await readFile(path, 'utf8') });
    }
  };
  if (existsSync(join(out, 'src', 'services'))) await visit(join(out, 'src', 'services'));
  return files;
}
