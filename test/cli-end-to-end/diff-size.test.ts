/**
 * A regeneration's diff is as big as the portal's change: on the shared 7.0 and 7.3 documents, a service
 * removed, a method added, an overload added and a parameter's type changed each change only the files that
 * honestly depend on them. Counted with a real diff (`git diff --no-index --numstat`) of the package before
 * and after regenerating over it; the counts are held exactly, file by file.
 */
import { execFile } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { projectRoot, removeTemporaryFolders, temporaryFolder } from './builder.js';
import { writeDocument } from './documents.js';

interface Entry {
  path: string;
  parameters: { name: string; type: string }[];
  returns: { type: string };
  [key: string]: unknown;
}
type Document = { services: Entry[]; [key: string]: unknown };
/** A change to a corpus; `blogs` is where its BlogsEntry service lives (`/blogsentry` in 7.0, a module's in 7.3). */
type Change = (document: Document, blogs: string) => void;

const CORPORA = {
  '7.0': { path: 'fixtures/corpus/portal-7.0-reconstructed.json', blogs: '/blogsentry' },
  '7.3': { path: 'fixtures/corpus/portal-7.3-reconstructed.json', blogs: '/blogs.blogsentry' },
} as const;

function entry(document: Document, path: string): Entry {
  const found = document.services.find((service) => service.path === path);
  if (found === undefined) throw new Error(`no ${path} in the corpus`);
  return found;
}

const copy = (value: Entry): Entry => JSON.parse(JSON.stringify(value)) as Entry;

const CHANGES: Readonly<Record<string, Change>> = {
  'a service removed': (document) => {
    document.services = document.services.filter((service) => !service.path.startsWith('/address/'));
  },
  'a method added': (document, blogs) => {
    document.services.push({
      ...copy(entry(document, `${blogs}/get-entry`)),
      path: `${blogs}/get-entry-count`,
      returns: { type: 'int' },
    });
  },
  'an overload added': (document, blogs) => {
    const overload = copy(entry(document, `${blogs}/get-entry`));
    overload.parameters.push({ name: 'includeTrashed', type: 'boolean' });
    document.services.push(overload);
  },
  "a parameter's type changed": (document, blogs) => {
    const parameter = entry(document, `${blogs}/delete-entry`).parameters[0];
    if (parameter === undefined) throw new Error(`${blogs}/delete-entry takes no parameter`);
    parameter.type = 'java.lang.String';
  },
};

/** Per changed file, [added lines, deleted lines]; a deleted file has all its lines deleted. */
type Diff = Record<string, readonly [number, number]>;

/** `git diff` of `<folder>/before` and `<folder>/after`, by path in the package. */
async function diff(folder: string): Promise<Diff> {
  const run = promisify(execFile);
  const result = await run('git', ['diff', '--no-index', '--numstat', '--no-renames', '--', 'before', 'after'], {
    cwd: folder,
  }).catch((error: { code?: number; stdout?: string }) => {
    // git diff exits 1 when the folders differ.
    if (error.code === 1 && error.stdout !== undefined) return { stdout: error.stdout };
    throw error;
  });
  const found: Diff = {};
  for (const line of result.stdout.trim().split('\n').filter(Boolean)) {
    // "{before => after}/src/x.ts", "before/src/gone.ts => /dev/null", "/dev/null => after/src/new.ts"
    const [added, deleted, path = ''] = line.split('\t');
    const relative = path
      .replace(/^\{before => after\}\//, '')
      .replace(/ => \/dev\/null$/, '')
      .replace(/^\/dev\/null => /, '')
      .replace(/^(before|after)\//, '');
    found[relative] = [Number(added), Number(deleted)];
  }
  return found;
}

const work = await temporaryFolder('lsb-diff-size-');
const baselines = new Map<string, string>();
afterAll(removeTemporaryFolders);

beforeAll(async () => {
  for (const [name, { path }] of Object.entries(CORPORA)) {
    const out = join(work, `baseline-${name}`);
    await generate({ discovery: [join(projectRoot, path)], out, verify: false });
    baselines.set(name, out);
  }
}, 600_000);

const sorted = (diff: Diff): Diff => Object.fromEntries(Object.entries(diff).sort(([a], [b]) => (a < b ? -1 : 1)));

async function regenerate(corpus: keyof typeof CORPORA, change: string): Promise<Diff> {
  const document = JSON.parse(await readFile(join(projectRoot, CORPORA[corpus].path), 'utf8')) as Document;
  CHANGES[change]?.(document, CORPORA[corpus].blogs);
  const slug = `${corpus}-${change.replace(/\W+/g, '-')}`;
  const path = await writeDocument(work, `${slug}.json`, document);
  const folder = join(work, slug);
  await cp(baselines.get(corpus) ?? '', join(folder, 'before'), { recursive: true });
  await cp(join(folder, 'before'), join(folder, 'after'), { recursive: true });
  await generate({ discovery: [path], out: join(folder, 'after'), verify: false });
  return diff(folder);
}

describe('the diff of a regeneration', () => {
  it.each(Object.keys(CORPORA).flatMap((corpus) => Object.keys(CHANGES).map((change) => [corpus, change] as const)))(
    '%s corpus, %s',
    async (corpus, change) => {
      const found = await regenerate(corpus as keyof typeof CORPORA, change);
      expect(Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(
        sorted(EXPECTED[`${corpus} ${change}`] ?? {}),
      );
    },
    300_000,
  );
});

/**
 * What each change honestly touches, in both corpora alike: the service's own types module, its sections of
 * the two index modules (services/index.ts, callback/index.ts) and of src/index.ts, the README's counts,
 * the version, the changelog's new entry (8 lines) and the provenance file's hash. In 7.0 the README's usage
 * example calls the first service, which is AddressService: removing it changes the example (9 lines).
 */
const SERVICE_REMOVED: Diff = {
  'CHANGELOG.md': [8, 0],
  'liferay-sdk.json': [1, 1],
  'package.json': [1, 1],
  'src/callback/index.ts': [0, 10],
  'src/index.ts': [0, 1],
  'src/services/address.ts': [0, 82],
  // 26: the class's line breaks in four since it names the service in chain style too (defineService<A, A<'chain'>>).
  'src/services/index.ts': [0, 26],
};
const METHOD_ADDED: Diff = {
  'CHANGELOG.md': [8, 0],
  'README.md': [2, 2],
  'liferay-sdk.json': [1, 1],
  'package.json': [1, 1],
  'src/services/blogsentry.ts': [9, 0],
  'src/services/index.ts': [1, 0],
};
const OVERLOAD_ADDED: Diff = {
  'CHANGELOG.md': [8, 0],
  'README.md': [1, 1],
  'liferay-sdk.json': [1, 1],
  'package.json': [1, 1],
  'src/services/blogsentry.ts': [7, 1],
  'src/services/index.ts': [1, 1],
};
const PARAMETER_TYPE_CHANGED: Diff = {
  'CHANGELOG.md': [8, 0],
  'liferay-sdk.json': [1, 1],
  'package.json': [1, 1],
  'src/services/blogsentry.ts': [1, 1],
};
const EXPECTED: Readonly<Record<string, Diff>> = {
  '7.0 a service removed': { ...SERVICE_REMOVED, 'README.md': [9, 9] },
  '7.0 a method added': METHOD_ADDED,
  '7.0 an overload added': OVERLOAD_ADDED,
  "7.0 a parameter's type changed": PARAMETER_TYPE_CHANGED,
  '7.3 a service removed': { ...SERVICE_REMOVED, 'README.md': [3, 3] },
  '7.3 a method added': METHOD_ADDED,
  '7.3 an overload added': OVERLOAD_ADDED,
  "7.3 a parameter's type changed": PARAMETER_TYPE_CHANGED,
};
