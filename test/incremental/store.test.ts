/**
 * The store behind every cache never gives a wrong answer: entries are written whole (atomicWriteFile) with a
 * checksum that reads check, so a damaged or half-written entry is a miss. It stays bounded: past its limit,
 * the least recently used entries go, with temporary files that killed writes left.
 */
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolderSync } from '../helpers/temporary.js';
import { formatFiles } from '../../src/format/format.js';
import { FormatCache } from '../../src/incremental/format-cache.js';
import { Store, storeKey } from '../../src/incremental/store.js';

const entryFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((folder) => /^[0-9a-f]{2}$/.test(folder))
    .flatMap((folder) => readdirSync(join(dir, folder)).map((name) => join(dir, folder, name)));

describe('the store', () => {
  it('gives back what was stored, and leaves no temporary file', async () => {
    const dir = temporaryFolderSync('lsb-store-');
    const store = new Store(dir, 100);
    const key = storeKey('a', 'b');
    store.write(key, 'const a = 1;\n');
    await store.flush();
    expect(store.read(key)).toBe('const a = 1;\n');
    expect(new Store(dir, 100).read(storeKey('a', 'c'))).toBeUndefined();
    expect(entryFiles(dir).map((path) => path.slice(-64))).toEqual([key]);
  });

  it.each([
    ['cut short', (entry: string) => entry.slice(0, -5)],
    ['edited', (entry: string) => entry.replace('const a', 'const b')],
    ['without its checksum', (entry: string) => entry.slice(65)],
    ['empty', () => ''],
  ])('treats an entry %s as missing, and the format stage formats the file again', async (_, damage) => {
    const dir = temporaryFolderSync('lsb-store-');
    const files = [{ path: 'src/a.ts', contents: 'const  a=1' }];
    const first = new Store(dir, 100);
    await formatFiles(files, new FormatCache(first, 'salt'));
    await first.flush();
    const [entry] = entryFiles(dir);
    if (entry === undefined) throw new Error('no entry written');
    writeFileSync(entry, damage(readFileSync(entry, 'utf8')));
    expect(new Store(dir, 100).read(entry.slice(-64))).toBeUndefined();
    const store = new Store(dir, 100);
    expect(await formatFiles(files, new FormatCache(store, 'salt'))).toEqual([
      { path: 'src/a.ts', contents: 'const a = 1;\n' },
    ]);
    await store.flush();
    // Formatted again and stored whole.
    expect(readFileSync(entry, 'utf8')).toMatch(/^[0-9a-f]{64}\nconst a = 1;\n$/);
  });

  it('keeps at most its limit of entries, dropping the least recently used and stale temporary files', async () => {
    const dir = temporaryFolderSync('lsb-store-');
    const first = new Store(dir, 10);
    const keys = Array.from({ length: 10 }, (_, index) => storeKey(`entry ${index}`));
    keys.forEach((key, index) => first.write(key, `entry ${index}\n`));
    await first.flush();
    keys.forEach((key, index) => {
      // Oldest first; entry 0 is then read again, so it is the most recent.
      const time = new Date(Date.now() - (100 - index) * 1000);
      utimesSync(join(dir, key.slice(0, 2), key), time, time);
    });
    const leftover = join(dir, (keys[3] ?? '').slice(0, 2), `${keys[3] ?? ''}.0badf00d.tmp`);
    writeFileSync(leftover, 'half');
    utimesSync(leftover, new Date(0), new Date(0));
    expect(first.read(keys[0] ?? '')).toBe('entry 0\n');
    const second = new Store(dir, 10);
    const added = storeKey('added');
    second.write(added, 'added\n');
    await second.flush();
    const kept = entryFiles(dir).map((path) => path.slice(-64));
    expect(kept).toHaveLength(8);
    expect(kept).toEqual(expect.arrayContaining([keys[0], added, ...keys.slice(-6)]));
    expect(kept).not.toContain(keys[1]);
  });
});
