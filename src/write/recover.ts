/**
 * Recovery from a write that was killed mid-swap (SIGKILL, power loss): the swap is two renames, and a kill
 * between them leaves the previous output in `.<name>.staging-<id>.previous` and no `<name>`. Before writing,
 * such a backup is put back, and leftover staging folders of earlier runs are removed.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function recoverInterruptedWrite(out: string): Promise<void> {
  const parent = dirname(out);
  // No folder there yet (or a file in the way, which staging reports clearly): nothing to recover.
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return;
  const prefix = `.${basename(out)}.staging-`;
  const leftovers = (await readdir(parent)).filter((name) => name.startsWith(prefix)).sort();
  const backup = leftovers.find((name) => name.endsWith('.previous'));
  if (backup !== undefined && !existsSync(out)) await rename(join(parent, backup), out);
  for (const name of leftovers) {
    if (existsSync(join(parent, name))) await rm(join(parent, name), { recursive: true, force: true });
  }
}
