/**
 * The format cache never gives a wrong file: entries are written whole (beside, then renamed) with a
 * checksum that reads check, so a damaged or half-written entry is a miss. It stays bounded: past its limit,
 * the least recently used entries go.
 */
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatCache } from '../../src/write/format-cache.js';
import { formatFiles } from '../../src/write/format.js';

const entryFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((folder) => /^[0-9a-f]{2}$/.test(folder))
    .flatMap((folder) => readdirSync(join(dir, folder)).map((name) => join(dir, folder, name)));

describe('the format cache', () => {
  it('gives back what was stored, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsb-format-cache-'));
    const cache = new FormatCache(dir, 'salt');
    const key = cache.key('const  a=1', 'typescript');
    cache.set(key, 'const a = 1;\n');
    expect(cache.get(key)).toBe('const a = 1;\n');
    expect(new FormatCache(dir, 'other salt').get(new FormatCache(dir, 'other salt').key('const  a=1', 'typescript'))).toBeUndefined();
    expect(entryFiles(dir).map((path) => path.slice(-64))).toEqual([key]);
  });

  it.each([
    ['cut short', (entry: string) => entry.slice(0, -5)],
    ['edited', (entry: string) => entry.replace('const a', 'const b')],
    ['written before entries had a checksum', (entry: string) => entry.slice(65)],
    ['empty', () => ''],
  ])('treats an entry %s as missing, and a run formats the file again', async (_, damage) => {
    const dir = mkdtempSync(join(tmpdir(), 'lsb-format-cache-'));
    const files = [{ path: 'src/a.ts', contents: 'const  a=1' }];
    await formatFiles(files, { cacheDir: dir });
    const [entry] = entryFiles(dir);
    if (entry === undefined) throw new Error('no entry written');
    writeFileSync(entry, damage(readFileSync(entry, 'utf8')));
    const cache = new FormatCache(dir, 'any');
    expect(cache.get(entry.slice(-64))).toBeUndefined();
    expect(await formatFiles(files, { cacheDir: dir })).toEqual([{ path: 'src/a.ts', contents: 'const a = 1;\n' }]);
    // Formatted again and stored whole.
    expect(readFileSync(entry, 'utf8')).toMatch(/^[0-9a-f]{64}\nconst a = 1;\n$/);
  });

  it('keeps at most its limit of entries, dropping the least recently used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lsb-format-cache-'));
    const first = new FormatCache(dir, 'salt', 10);
    const keys = Array.from({ length: 10 }, (_, index) => first.key(`const a${index} = 1;`, 'typescript'));
    keys.forEach((key, index) => {
      first.set(key, `entry ${index}\n`);
      // Oldest first; entry 0 is then used again, so it is the most recent.
      const time = new Date(Date.now() - (100 - index) * 1000);
      utimesSync(join(dir, key.slice(0, 2), key), time, time);
    });
    expect(first.get(keys[0] ?? '')).toBe('entry 0\n');
    const second = new FormatCache(dir, 'salt', 10);
    const added = second.key('const b = 2;', 'typescript');
    second.set(added, 'added\n');
    const kept = entryFiles(dir).map((path) => path.slice(-64));
    expect(kept).toHaveLength(8);
    expect(kept).toEqual(expect.arrayContaining([keys[0], added, ...keys.slice(-6)]));
    expect(kept).not.toContain(keys[1]);
  });
});
