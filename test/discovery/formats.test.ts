import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/temporary.js';
import { discoverDocuments } from '../../src/discovery/index.js';
import type { DiscoveryFormat } from '../../src/discovery/formats/types.js';
import { serveJson, startPortalServer } from '../helpers/portal-server.js';
import {
  legacyDocument,
  v62Document,
  v7Document,
  validatedLegacy,
  validatedV62,
  validatedV7,
} from './sample-documents.js';

import { projectRoot as root } from '../helpers/project.js';
const corpus = join(root, 'fixtures/corpus/portal-7.0-reconstructed.json');

let scratch: string;
beforeAll(async () => {
  scratch = await temporaryFolder('lsb-discovery-');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function writeDocument(name: string, document: unknown): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, JSON.stringify(document));
  return path;
}

async function fetchFromPortal(document: unknown): Promise<Awaited<ReturnType<typeof discoverDocuments>>> {
  const portal = await startPortalServer(serveJson(document));
  try {
    return await discoverDocuments({ url: portal.url });
  } finally {
    await portal.close();
  }
}

const samples: [DiscoveryFormat, unknown, unknown, string][] = [
  ['legacy', legacyDocument, validatedLegacy, 'portal'],
  ['6.2', v62Document, validatedV62, 'calendar-portlet'],
  ['7.x', v7Document, validatedV7, 'portal'],
];

describe.each(samples)('the %s sample', (format, document, validated, context) => {
  it('is read from a file with only its typed fields', async () => {
    const path = await writeDocument(`${format}.json`, document);
    expect(await discoverDocuments({ discovery: [path] })).toEqual([
      { format, document: validated, source: path, context, raw: document },
    ]);
  });

  it('is fetched over HTTP with only its typed fields', async () => {
    const [discovered] = await fetchFromPortal(document);
    expect(discovered?.format).toBe(format);
    expect(discovered?.document).toEqual(validated);
    expect(discovered?.context).toBe('portal');
  });
});

describe('the corpus (7.x)', () => {
  it('is read from its file, every service kept in order', async () => {
    const raw = JSON.parse(await readFile(corpus, 'utf8')) as { services: { path: string }[] };
    const [discovered] = await discoverDocuments({ discovery: [corpus] });
    expect(discovered?.format).toBe('7.x');
    expect(discovered?.context).toBe('portal');
    expect(discovered?.document).toEqual(raw);
    if (discovered?.format !== '7.x') throw new Error('not 7.x');
    expect(discovered.document.services.map((service) => service.path)).toEqual(
      raw.services.map((service) => service.path),
    );
  });

  it('is fetched over HTTP byte for byte', async () => {
    const text = await readFile(corpus, 'utf8');
    const [discovered] = await fetchFromPortal(text);
    expect(discovered?.document).toEqual(JSON.parse(text));
  });
});

/** The shared fixtures are written by someone else: test whatever is there, each in its directory's format. */
async function sharedFixtures(): Promise<[string, DiscoveryFormat][]> {
  const found: [string, DiscoveryFormat][] = [];
  for (const format of ['legacy', '6.2', '7.x'] as const) {
    const directory = join(root, 'fixtures/discovery', format);
    const names = await readdir(directory).catch(() => []);
    for (const name of names.filter((entry) => entry.endsWith('.json')).sort())
      found.push([join(directory, name), format]);
  }
  return found;
}

describe('the shared fixtures', async () => {
  const fixtures = await sharedFixtures();
  it.each(fixtures)('%s is %s from a file and over HTTP', async (path, format) => {
    const text = await readFile(path, 'utf8');
    const json = JSON.parse(text) as { contextName?: string; context?: string };
    const [fromFile] = await discoverDocuments({ discovery: [path] });
    expect(fromFile?.format).toBe(format);
    expect(fromFile?.context).toBe(json.contextName || json.context || 'portal');
    const [fromPortal] = await fetchFromPortal(text);
    expect(fromPortal?.format).toBe(format);
    expect(fromPortal?.document).toEqual(fromFile?.document);
  });
});
