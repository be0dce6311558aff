/**
 * The render cache keeps a context's sections together, in one pack per context and generator build: one
 * file to write on a cold run and one to read on a warm one. A pack keeps what its last few runs used, so
 * runs that alternate between two portals find their sections; what no recent run used goes, so it stays
 * bounded. A pack of any other shape is empty, never a wrong section.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePack, RenderCache, serializePack } from '../../src/incremental/render-cache.js';
import { Store } from '../../src/incremental/store.js';
import { temporaryFolderSync } from '../helpers/temporary.js';

const packFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());

/** One run of a package whose sections are `views` (template "t"): what it found in the cache, and what it rendered. */
async function runWith(dir: string, views: readonly string[], context = 'portal') {
  const store = new Store(dir, 32);
  const cache = new RenderCache(store, 'generator', context);
  const found: string[] = [];
  const rendered: string[] = [];
  for (const view of views) {
    const key = cache.key('t', { view });
    const hit = cache.get(key);
    if (hit === undefined) {
      rendered.push(view);
      cache.set(key, `rendered ${view}`);
    } else {
      expect(hit).toBe(`rendered ${view}`);
      found.push(view);
    }
  }
  cache.commit();
  await store.flush();
  return { found, rendered };
}

describe('render packs', () => {
  it('give back every entry as written, whatever the texts hold', () => {
    const key = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(
        fc.nat(),
        fc.dictionary(key, fc.record({ text: fc.string({ unit: 'binary' }), run: fc.nat() })),
        (run, record) => {
          const entries = new Map(Object.entries(record));
          expect(parsePack(serializePack({ run, entries }))).toEqual({ run, entries });
        },
      ),
    );
  });

  it.each([
    ['another header', (pack: string) => pack.replace('render pack 1', 'render pack 2')],
    ['cut short', (pack: string) => pack.slice(0, -3)],
    ['a length too long', (pack: string) => pack.replace(/ 5\n/, ' 50\n')],
    ['a line that is not an entry', (pack: string) => `${pack}\nnot an entry`],
  ])('are empty when they have %s', (_, damage) => {
    const entries = new Map([['a'.repeat(64), { text: 'hello', run: 1 }]]);
    const pack = serializePack({ run: 1, entries });
    expect(parsePack(pack).entries.size).toBe(1);
    expect(parsePack(damage(pack))).toEqual({ run: 0, entries: new Map() });
  });

  it('are one file per context, however many sections', async () => {
    const dir = temporaryFolderSync('lsb-render-pack-');
    const views = Array.from({ length: 300 }, (_, index) => `service ${index}`);
    expect((await runWith(dir, views)).rendered).toHaveLength(300);
    expect(packFiles(dir)).toHaveLength(1);
    await runWith(dir, views.slice(0, 10), 'calendar');
    expect(packFiles(dir)).toHaveLength(2);
    expect(await runWith(dir, views)).toEqual({ found: views, rendered: [] });
  });

  it('are not written again by a run that found every section and used every one', async () => {
    const dir = temporaryFolderSync('lsb-render-pack-');
    await runWith(dir, ['a', 'b']);
    const [pack] = packFiles(dir);
    // A write replaces the file (atomicWriteFile renames a new one over it); a read only touches its time.
    const written = statSync(join(dir, pack ?? '')).ino;
    expect(await runWith(dir, ['b', 'a'])).toEqual({ found: ['b', 'a'], rendered: [] });
    expect(statSync(join(dir, pack ?? '')).ino).toBe(written);
    await runWith(dir, ['a']);
    expect(statSync(join(dir, pack ?? '')).ino).not.toBe(written);
  });

  it('keep the sections of runs that alternate between two portals, and drop what no recent run used', async () => {
    const dir = temporaryFolderSync('lsb-render-pack-');
    const portalA = ['shared', 'a1', 'a2'];
    const portalB = ['shared', 'b1'];
    await runWith(dir, portalA);
    expect(await runWith(dir, portalB)).toEqual({ found: ['shared'], rendered: ['b1'] });
    expect(await runWith(dir, portalA)).toEqual({ found: portalA, rendered: [] });
    expect(await runWith(dir, portalB)).toEqual({ found: portalB, rendered: [] });
    // Three runs without portal A's own sections: they go.
    await runWith(dir, ['c']);
    await runWith(dir, ['c']);
    expect(await runWith(dir, portalA)).toEqual({ found: ['shared'], rendered: ['a1', 'a2'] });
  });
});
