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
type Change = (document: Document) => void;

const CORPORA = { '7.0': 'fixtures/corpus/portal-7.0-reconstructed.json', '7.3': 'fixtures/corpus/portal-7.3-reconstructed.json' } as const;

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
  'a method added': (document) => {
    document.services.push({ ...copy(entry(document, '/blogsentry/get-entry')), path: '/blogsentry/get-entry-count', returns: { type: 'int' } });
  },
  'an overload added': (document) => {
    const overload = copy(entry(document, '/blogsentry/get-entry'));
    overload.parameters.push({ name: 'includeTrashed', type: 'boolean' });
    document.services.push(overload);
  },
  "a parameter's type changed": (document) => {
    const parameter = entry(document, '/blogsentry/delete-entry').parameters[0];
    if (parameter === undefined) throw new Error('/blogsentry/delete-entry takes no parameter');
    parameter.type = 'java.lang.String';
  },
};

/** Per changed file, [added lines, deleted lines]; a deleted file has all its lines deleted. */
type Diff = Record<string, readonly [number, number]>;

/** `git diff` of `<folder>/before` and `<folder>/after`, by path in the package. */
async function diff(folder: string): Promise<Diff> {
  const run = promisify(execFile);
  const result = await run('git', ['diff', '--no-index', '--numstat', '--no-renames', '--', 'before', 'after'], { cwd: folder }).catch((error: { code?: number; stdout?: string }) => {
    // git diff exits 1 when the folders differ.
    if (error.code === 1 && error.stdout !== undefined) return { stdout: error.stdout };
    throw error;
  });
  const found: Diff = {};
  for (const line of result.stdout.trim().split('\n').filter(Boolean)) {
    // "{before => after}/src/x.ts", "before/src/gone.ts => /dev/null", "/dev/null => after/src/new.ts"
    const [added, deleted, path = ''] = line.split('\t');
    const relative = path.replace(/^\{before => after\}\//, '').replace(/ => \/dev\/null$/, '').replace(/^\/dev\/null => /, '').replace(/^(before|after)\//, '');
    found[relative] = [Number(added), Number(deleted)];
  }
  return found;
}

const work = await temporaryFolder('lsb-diff-size-');
const baselines = new Map<string, string>();
afterAll(removeTemporaryFolders);

beforeAll(async () => {
  for (const [name, document] of Object.entries(CORPORA)) {
    const out = join(work, `baseline-${name}`);
    await generate({ discovery: [join(projectRoot, document)], out, verify: false });
    baselines.set(name, out);
  }
}, 600_000);

async function regenerate(corpus: keyof typeof CORPORA, change: string): Promise<Diff> {
  const document = JSON.parse(await readFile(join(projectRoot, CORPORA[corpus]), 'utf8')) as Document;
  CHANGES[change]?.(document);
  const slug = `${corpus}-${change.replace(/\W+/g, '-')}`;
  const path = await writeDocument(work, `${slug}.json`, document);
  const folder = join(work, slug);
  await cp(baselines.get(corpus) ?? '', join(folder, 'before'), { recursive: true });
  await cp(join(folder, 'before'), join(folder, 'after'), { recursive: true });
  await generate({ discovery: [path], out: join(folder, 'after'), verify: false });
  return diff(folder);
}

describe('the diff of a regeneration', () => {
  it.each(Object.keys(CORPORA).flatMap((corpus) => Object.keys(CHANGES).map((change) => [corpus, change] as const)))('%s corpus, %s', async (corpus, change) => {
    const found = await regenerate(corpus as keyof typeof CORPORA, change);
    console.log(corpus, change, JSON.stringify(found));
    expect(found).toEqual(EXPECTED[`${corpus} ${change}`]);
  }, 300_000);
});

const EXPECTED: Readonly<Record<string, Diff>> = {};
