import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/temporary.js';
import { ExitCode, exitCodeOf } from '../../src/cli/exit-codes.js';
import { type DiscoverOptions, type DiscoveryEvent, discoverDocuments } from '../../src/discovery/index.js';
import { rejection } from './rejection.js';
import { v62Document, v7Document } from './sample-documents.js';

let scratch: string;
let portalFile: string;
let calendarFile: string;
let bookmarksFile: string;
beforeAll(async () => {
  scratch = await temporaryFolder('lsb-read-');
  portalFile = join(scratch, 'portal.json');
  calendarFile = join(scratch, 'calendar.json');
  bookmarksFile = join(scratch, 'bookmarks.json');
  await writeFile(portalFile, JSON.stringify(v7Document));
  await writeFile(calendarFile, JSON.stringify(v62Document));
  await writeFile(bookmarksFile, `\uFEFF${JSON.stringify({ ...v7Document, contextName: 'bookmarks' })}`);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('discovery files', () => {
  it('reads one document per file, in order, each with its own context', async () => {
    const events: DiscoveryEvent[] = [];
    const documents = await discoverDocuments({
      discovery: [calendarFile, portalFile, bookmarksFile],
      onEvent: (event) => events.push(event),
    });
    expect(documents.map(({ format, context, source }) => [format, context, source])).toEqual([
      ['6.2', 'calendar-portlet', calendarFile],
      ['7.x', 'portal', portalFile],
      ['7.x', 'bookmarks', bookmarksFile],
    ]);
    expect(events).toEqual([calendarFile, portalFile, bookmarksFile].map((path) => ({ kind: 'read', path })));
  });

  it('gives each file the context asked for it', async () => {
    const documents = await discoverDocuments({
      discovery: [calendarFile, portalFile],
      contexts: ['calendar', 'portal'],
    });
    expect(documents.map((document) => document.context)).toEqual(['calendar', 'portal']);
  });

  it.each([
    ['a missing file', 'missing.json', 'no such file'],
    ['a directory', '.', 'it is a directory'],
  ])('reports %s', async (_name, file, reason) => {
    const path = join(scratch, file);
    const error = await rejection(discoverDocuments({ discovery: [portalFile, path] }));
    expect([error.code, exitCodeOf(error.code), error.source, error.message]).toEqual([
      'discovery.file',
      ExitCode.fileNotReadable,
      path,
      `Cannot read the discovery file ${path} (${reason}): check the path.`,
    ]);
  });
});

describe('options', () => {
  const cases: [string, DiscoverOptions, string][] = [
    ['neither URL nor files', {}, 'Give either a portal URL or discovery files, not both and not neither.'],
    [
      'both URL and files',
      { url: 'http://localhost:8080', discovery: ['a.json'] },
      'Give either a portal URL or discovery files, not both and not neither.',
    ],
    ['no file', { discovery: [] }, 'No discovery file given.'],
    [
      'contexts not matching the files',
      { discovery: ['a.json', 'b.json'], contexts: ['portal'] },
      'Got 2 discovery files but 1 contexts: give one context per file, or none.',
    ],
    [
      'a relative URL',
      { url: 'localhost:8080' },
      'Invalid portal URL localhost:8080: only http and https are supported.',
    ],
    [
      'an unparsable URL',
      { url: 'http://joe:secret@[::1' },
      'Invalid portal URL http://[::1: expected an absolute URL such as http://localhost:8080.',
    ],
    [
      'a URL with a query',
      { url: 'http://joe:secret@localhost:8080/?p_auth=x' },
      'Invalid portal URL http://localhost:8080/?p_auth=x: it must not carry a query or fragment.',
    ],
    [
      'a zero timeout',
      { url: 'http://localhost:8080', timeout: 0 },
      'Invalid timeout 0: expected a whole number of at least 1.',
    ],
    [
      'negative retries',
      { url: 'http://localhost:8080', retries: -1 },
      'Invalid retries -1: expected a whole number of at least 0.',
    ],
    [
      'a fractional retry delay',
      { url: 'http://localhost:8080', retryDelay: 0.5 },
      'Invalid retryDelay 0.5: expected a whole number of at least 0.',
    ],
  ];

  it.each(cases)('rejects %s', async (_name, options, message) => {
    const error = await rejection(discoverDocuments(options));
    expect([error.code, exitCodeOf(error.code), error.message]).toEqual(['discovery.options', ExitCode.usage, message]);
  });
});
