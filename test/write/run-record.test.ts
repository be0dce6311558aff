/**
 * The run key changes with every option that decides the output (and with the documents' bytes and names),
 * not with those that only affect fetching; records stay few however many commands are run.
 */
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import type { DocumentText } from '../../src/discovery/index.js';
import type { GenerateOptions } from '../../src/generate.js';
import { MAX_RECORDS, checkUpToDate, saveRunRecord } from '../../src/write/run-record.js';
import { runIdentity } from '../../src/write/run-key.js';
import { removeTemporaryFolders, temporaryFolder } from '../ci-grade/builder.js';

afterAll(removeTemporaryFolders);

const TEXTS: readonly DocumentText[] = [{ text: '{"services": []}', source: 'portal.json' }];

/** Every option of generate() with a value, and another value for it. */
const OPTIONS: GenerateOptions = {
  discovery: ['portal.json'],
  contexts: ['portal'],
  filter: 'blogsentry',
  jsonwsPath: 'api/jsonws',
  out: 'client',
  name: 'acme-client',
  contextOptions: [{ name: 'portal', out: 'portal-client', packageName: 'acme-portal', styles: ['sync'] }],
  styles: ['sync', 'callback'],
  emit: 'ts',
  versionSuffix: 'v7',
  verify: true,
  cacheDir: '/cache',
};
const OTHER_VALUES: { readonly [K in keyof GenerateOptions]-?: GenerateOptions[K] } = {
  url: 'http://localhost:8080',
  discovery: ['other.json'],
  contexts: ['calendar'],
  filter: 'user',
  jsonwsPath: 'api/secure/jsonws',
  credentials: { token: 't' },
  timeout: 1,
  retries: 0,
  retryDelay: 1,
  onEvent: () => {},
  out: 'elsewhere',
  name: 'other-client',
  contextOptions: [{ name: 'portal', out: 'portal-client', packageName: 'acme-portal', styles: ['callback'] }],
  styles: ['sync'],
  emit: 'js',
  versionSuffix: true,
  verify: false,
  templates: 'templates',
  format: true,
  cacheDir: '/elsewhere',
  onStageStart: () => {},
  onStage: () => {},
  onRender: () => {},
};
/** Once the documents' bytes are known, these decide nothing that is written. */
const IRRELEVANT = ['credentials', 'timeout', 'retries', 'retryDelay', 'onEvent', 'cacheDir', 'onStageStart', 'onStage', 'onRender'];

describe('run identity', () => {
  const key = (options: GenerateOptions, texts = TEXTS) => runIdentity(texts, options)?.key;

  it('changes with every option that decides what is written, and with no other', ({ expect }) => {
    const base = key(OPTIONS);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const [name, value] of Object.entries(OTHER_VALUES)) {
      const changed = key({ ...OPTIONS, [name]: value } as GenerateOptions);
      expect.soft(changed === base, name).toBe(IRRELEVANT.includes(name));
    }
  });

  it('changes with the bytes, the source and the context of each document', ({ expect }) => {
    const base = key(OPTIONS);
    expect(key(OPTIONS, [{ text: '{"services": [] }', source: 'portal.json' }])).not.toBe(base);
    expect(key(OPTIONS, [{ text: '{"services": []}', source: 'other.json' }])).not.toBe(base);
    expect(key(OPTIONS, [{ text: '{"services": []}', source: 'portal.json', context: 'calendar' }])).not.toBe(base);
    expect(key(OPTIONS, [...TEXTS, ...TEXTS])).not.toBe(base);
  });

  it('changes with the contents of the --templates folder', async ({ expect }) => {
    const templates = await temporaryFolder('lsb-run-key-');
    await mkdir(join(templates, 'package'));
    const withTemplates = { ...OPTIONS, templates };
    const empty = key(withTemplates);
    await writeFile(join(templates, 'package', 'README.md.hbs'), '# {{comment packageName}}\n');
    const one = key(withTemplates);
    await writeFile(join(templates, 'package', 'README.md.hbs'), '# {{comment packageName}}!\n');
    expect(new Set([empty, one, key(withTemplates)]).size).toBe(3);
  });

  it('is the same for the same command whatever the order of its options; none without a cache folder', ({ expect }) => {
    const reversed = Object.fromEntries(Object.entries(OPTIONS).reverse()) as GenerateOptions;
    expect(runIdentity(TEXTS, reversed)).toEqual(runIdentity(TEXTS, OPTIONS));
    const { cacheDir: _none, ...uncached } = OPTIONS;
    expect(runIdentity(TEXTS, uncached)).toBeUndefined();
  });
});

describe('run records', () => {
  it(`keep the ${MAX_RECORDS} most recent ones`, async ({ expect }) => {
    const work = await temporaryFolder('lsb-run-records-');
    const cacheDir = join(work, 'cache');
    const out = join(work, 'client');
    await mkdir(join(out, 'src'), { recursive: true });
    await writeFile(join(out, 'package.json'), '{}\n');
    const summary = { format: '7.x', portalVersion: '7.0.6', packages: [] } as const;
    const identities = Array.from({ length: MAX_RECORDS + 5 }, (_, index) => ({ slot: `slot-${index}`, key: `key-${index}` }));
    for (const [index, identity] of identities.entries()) {
      saveRunRecord(cacheDir, identity, summary, [{ out, owned: ['package.json', 'src'] }]);
      // File times are coarse: one second apart (in the past), so that "most recent" is well defined.
      const time = new Date(Date.UTC(2020, 0, 1, 0, 0, index));
      await utimes(join(cacheDir, 'runs', `${identity.slot}.json`), time, time);
    }
    expect(await readdir(join(cacheDir, 'runs'))).toHaveLength(MAX_RECORDS);
    const last = identities.at(-1);
    if (last === undefined) throw new Error('no identities');
    expect(checkUpToDate(cacheDir, last)).toEqual({ upToDate: true, summary });
    expect(checkUpToDate(cacheDir, { slot: 'slot-0', key: 'key-0' })).toEqual({ upToDate: false, reason: 'no record of an earlier run of this command' });
  });
});
