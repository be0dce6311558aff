/**
 * The run key changes with every option that decides the output (and with the documents' bytes and names),
 * not with those that only affect fetching; a record is found while the outputs are as written.
 */
import { appendFile, copyFile, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import type { DocumentText } from '../../src/discovery/index.js';
import type { GenerateOptions } from '../../src/generate.js';
import { MAX_RECORDS } from '../../src/incremental/incremental.js';
import { checkUpToDate, saveRunRecord } from '../../src/incremental/run-record.js';
import { Store, storeKey } from '../../src/incremental/store.js';
import { runIdentity } from '../../src/incremental/run-key.js';
import { removeTemporaryFolders, temporaryFolder } from '../cli-end-to-end/builder.js';

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
  layout: 'package',
  versionSuffix: 'v7',
  verify: true,
  incremental: { cacheDir: '/cache' },
  packageVersion: '1.2.3',
  command: 'npx liferay-sdk-builder generate --discovery portal.json',
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
  layout: 'sources',
  versionSuffix: true,
  verify: false,
  templates: 'templates',
  format: true,
  incremental: { cacheDir: '/elsewhere' },
  onStale: () => {},
  packageVersion: '2.0.0',
  command: 'npx liferay-sdk-builder generate --discovery other.json',
  onStageStart: () => {},
  onStage: () => {},
  onRender: () => {},
};
/** Once the documents' bytes are known, these decide nothing that is written. */
const IRRELEVANT = [
  'credentials',
  'timeout',
  'retries',
  'retryDelay',
  'onEvent',
  'incremental',
  'onStale',
  'onStageStart',
  'onStage',
  'onRender',
];

describe('run identity', () => {
  const key = (options: GenerateOptions, texts = TEXTS) => runIdentity(texts, options)?.key;

  it('changes with every option that decides what is written, and with no other', ({ expect }) => {
    const base = key(OPTIONS);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    for (const [name, value] of Object.entries(OTHER_VALUES)) {
      const changed = key({ ...OPTIONS, [name]: value });
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

  it('is the same for the same command whatever the order of its options', ({ expect }) => {
    const reversed = Object.fromEntries(Object.entries(OPTIONS).reverse()) as GenerateOptions;
    expect(runIdentity(TEXTS, reversed)).toEqual(runIdentity(TEXTS, OPTIONS));
  });
});

describe('run records', () => {
  it('find the recorded run of the same identity while its outputs are as written; damaged, they are no record', async ({
    expect,
  }) => {
    const work = await temporaryFolder('lsb-run-records-');
    const out = join(work, 'client');
    await mkdir(join(out, 'src'), { recursive: true });
    await writeFile(join(out, 'package.json'), '{}\n');
    const summary = { format: '7.x', portalVersion: '7.0.6', packages: [] } as const;
    const identity = { slot: storeKey('slot'), key: 'key-1' };
    const store = new Store(join(work, 'runs'), MAX_RECORDS);
    saveRunRecord(store, identity, summary, [{ out, owned: ['package.json', 'src'] }]);
    await store.flush();
    expect(checkUpToDate(store, identity)).toEqual({ upToDate: true, summary });
    expect(checkUpToDate(store, { ...identity, key: 'key-2' })).toEqual({
      upToDate: false,
      reason: 'the documents, the options, the templates or the generator changed',
    });
    expect(checkUpToDate(store, { slot: storeKey('other'), key: 'key-1' })).toEqual({
      upToDate: false,
      reason: 'no record of an earlier run of this command',
    });
    await writeFile(join(out, 'package.json'), '{ }\n');
    expect(checkUpToDate(store, identity)).toEqual({
      upToDate: false,
      reason: `the generated files in ${out} changed`,
    });
    const [folder] = (await readdir(join(work, 'runs'))).filter((name) => /^[0-9a-f]{2}$/.test(name));
    const [entry] = await readdir(join(work, 'runs', folder ?? ''));
    await writeFile(join(work, 'runs', folder ?? '', entry ?? ''), 'not a record');
    expect(checkUpToDate(store, identity)).toEqual({
      upToDate: false,
      reason: 'no record of an earlier run of this command',
    });
  });
});

/** A recorded run of a small output folder: its store, identity and folder, up to date. */
async function recordedRun(): Promise<{
  store: Store;
  identity: { slot: string; key: string };
  out: string;
  work: string;
}> {
  const work = await temporaryFolder('lsb-run-records-');
  const out = join(work, 'client');
  await mkdir(join(out, 'src', 'services'), { recursive: true });
  await writeFile(join(out, 'package.json'), '{}\n');
  await writeFile(join(out, 'src', 'models.ts'), 'export {};\n');
  await writeFile(join(out, 'src', 'services', 'user.ts'), 'export {};\n');
  const identity = { slot: storeKey('slot'), key: 'key-1' };
  const store = new Store(join(work, 'runs'), MAX_RECORDS);
  saveRunRecord(store, identity, { format: '7.x', portalVersion: '7.0.6', packages: [] }, [
    { out, owned: ['package.json', 'src'] },
  ]);
  await store.flush();
  return { store, identity, out, work };
}

// What `generate` sees as a change of its output (test/incremental/up-to-date.test.ts runs one through the CLI).
const OUTPUT_CHANGES: readonly (readonly [string, (out: string) => Promise<unknown>])[] = [
  ['a generated file is edited', (out) => appendFile(join(out, 'src', 'models.ts'), '// mine\n')],
  ['a file is added among the generated ones', (out) => writeFile(join(out, 'src', 'extra.ts'), 'export {};\n')],
  ['an empty folder is added among them', (out) => mkdir(join(out, 'src', 'empty'))],
  ['a generated file is deleted', (out) => rm(join(out, 'src', 'services', 'user.ts'))],
  [
    'a generated file is replaced by a link to itself',
    async (out) => {
      const path = join(out, 'package.json');
      await copyFile(path, `${path}.orig`);
      await rm(path);
      await symlink(`${path}.orig`, path);
    },
  ],
  ['the output folder is deleted', (out) => rm(out, { recursive: true })],
  [
    'the output folder is a file',
    async (out) => {
      await rm(out, { recursive: true });
      await writeFile(out, 'in the way');
    },
  ],
  [
    'an interrupted write left its staging folder beside it',
    (out) => mkdir(join(out, '..', '.client.staging-0badf00d')),
  ],
];

describe.concurrent('a recorded run is no longer up to date when', () => {
  it.for(OUTPUT_CHANGES)('%s', async ([, change], { expect }) => {
    const { store, identity, out } = await recordedRun();
    expect(checkUpToDate(store, identity).upToDate).toBe(true);
    await change(out);
    expect(checkUpToDate(store, identity)).toEqual({
      upToDate: false,
      reason: `the generated files in ${out} changed`,
    });
  });

  it('what the generator does not own changes: it still is', async ({ expect }) => {
    const { store, identity, out } = await recordedRun();
    await mkdir(join(out, 'node_modules', 'undici'), { recursive: true });
    await writeFile(join(out, 'node_modules', 'undici', 'index.js'), 'export {};\n');
    expect(checkUpToDate(store, identity).upToDate).toBe(true);
  });

  const damages: readonly (readonly [string, (record: string) => Promise<unknown>])[] = [
    ['not JSON', (record) => writeFile(record, 'this is not a record')],
    ['cut short', async (record) => writeFile(record, (await readFile(record, 'utf8')).slice(0, 100))],
    [
      'JSON of another shape',
      (record) =>
        writeFile(record, JSON.stringify({ version: 1, key: 'x', summary: { packages: 'all' }, outputs: [] })),
    ],
    ['empty', (record) => writeFile(record, '')],
    [
      'a folder',
      async (record) => {
        await rm(record);
        await mkdir(record);
      },
    ],
  ];
  it.for(damages)(
    'its record is damaged (%s): then there is no record, never an error',
    async ([, damage], { expect }) => {
      const { store, identity, work } = await recordedRun();
      // The store keeps each record under a folder named by the first two digits of its key.
      const [record] = (await readdir(join(work, 'runs'), { recursive: true, withFileTypes: true })).filter((entry) =>
        entry.isFile(),
      );
      await damage(join(record?.parentPath ?? '?', record?.name ?? '?'));
      expect(checkUpToDate(store, identity)).toEqual({
        upToDate: false,
        reason: 'no record of an earlier run of this command',
      });
    },
  );
});
