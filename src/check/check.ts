/**
 * The drift check: what writing `files` to `out` would change, computed without writing anything.
 * Only what the generator owns is compared (the marker, package files and `src/`), never node_modules/dist.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { RenderedFile } from '../render/render-package.js';
import { WriteError } from '../write/write-error.js';
import { MARKER_FILE, ownedEntries } from '../write/write-package.js';

export interface PackageDrift {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

export async function checkPackage(out: string, files: readonly RenderedFile[]): Promise<PackageDrift> {
  const onDisk = await listOwnedFiles(out, ownedEntries(files));
  const wanted = new Map(files.map((file) => [file.path, file.contents]));
  const added = [...wanted.keys()].filter((path) => !onDisk.has(path));
  const removed = [...onDisk].filter((path) => !wanted.has(path) && path !== MARKER_FILE);
  const changed: string[] = [];
  for (const [path, contents] of wanted) {
    if (onDisk.has(path) && (await readFile(join(out, path), 'utf8')) !== contents) changed.push(path);
  }
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

export function hasDrift(drift: PackageDrift): boolean {
  return drift.added.length + drift.removed.length + drift.changed.length > 0;
}

async function listOwnedFiles(out: string, owned: ReadonlySet<string>): Promise<Set<string>> {
  const found = new Set<string>();
  if (!existsSync(out)) return found;
  // As writing there would fail (exit 12), so must checking it.
  if (!statSync(out).isDirectory()) throw new WriteError('write.out-unreadable', `--out ${out} exists but is not a folder`);
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else found.add(relative(out, path).split('\\').join('/'));
    }
  };
  for (const entry of await readdir(out, { withFileTypes: true })) {
    if (!owned.has(entry.name)) continue;
    if (entry.isDirectory()) await visit(join(out, entry.name));
    else found.add(entry.name);
  }
  return found;
}
