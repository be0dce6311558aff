/**
 * Recovery from a write that was killed mid-swap (SIGKILL, power loss): the swap is two renames, and a kill
 * between them leaves the previous output in `.<name>.staging-<id>.previous` and no `<name>`, and maybe some of
 * the user's entries (node_modules, ...) already carried over into the staging folder, which
 * `.<name>.staging-<id>.carried` lists. Before writing, such a backup is put back with those entries, and
 * leftover staging folders of earlier runs are removed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function recoverInterruptedWrite(out: string): Promise<void> {
  const parent = dirname(out);
  // No folder there yet (or a file in the way, which staging reports clearly): nothing to recover.
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return;
  const prefix = `.${basename(out)}.staging-`;
  const leftovers = (await readdir(parent)).filter((name) => name.startsWith(prefix)).sort();
  const backup = leftovers.find((name) => name.endsWith('.previous'));
  if (backup !== undefined && !existsSync(out)) {
    const staging = join(parent, backup.slice(0, -'.previous'.length));
    for (const entry of carriedEntries(staging)) {
      if (existsSync(join(staging, entry))) await rename(join(staging, entry), join(parent, backup, entry));
    }
    await rename(join(parent, backup), out);
  }
  for (const name of leftovers) {
    if (existsSync(join(parent, name))) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/** The file that lists the entries a swap carries over from the previous output into `staging`. */
export function carriedList(staging: string): string {
  return `${staging}.carried`;
}

function carriedEntries(staging: string): string[] {
  const list = carriedList(staging);
  return existsSync(list)
    ? readFileSync(list, 'utf8')
        .split('\n')
        .filter((entry) => entry !== '')
    : [];
}
