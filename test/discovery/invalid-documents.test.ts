import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeOf } from '../../src/cli/exit-codes.js';
import { type DiscoveryErrorCode, discoverDocuments } from '../../src/discovery/index.js';
import { serveJson, startPortalServer } from '../helpers/portal-server.js';
import { rejection } from './rejection.js';

const directory = fileURLToPath(new URL('../../fixtures/invalid/', import.meta.url));

const shape = (detail: string) => (source: string) => `Invalid discovery document from ${source}: ${detail}.`;
const json = (where: string, problem: string) => (source: string) =>
  `Invalid JSON from ${source} at ${where}: ${problem}; check that the document is complete and unedited.`;
const unknown = (answered?: string) => (source: string) =>
  `Not a JSON web services discovery document from ${source}${answered === undefined ? '' : ` (the portal answered "${answered}")`}: ` +
  'expected a "services" list (6.2, 7.x) or an "actions" list (6.0, 6.1); check the URL or file.';

/** Every file in fixtures/invalid/ with the error it must give, read from a file or served by a portal. */
const expectations: Record<string, [DiscoveryErrorCode, number, (source: string, fromFile: boolean) => string]> = {
  'empty.json': [
    'discovery.invalid-json',
    ExitCode.invalidJson,
    json('line 1, column 1 (position 0)', 'expected a JSON value, found the end of the text'),
  ],
  'invalid-json-trailing-comma.json': [
    'discovery.invalid-json',
    ExitCode.invalidJson,
    json('line 20, column 3 (position 423)', 'expected a JSON value, found "]"'),
  ],
  'invalid-json-truncated.json': [
    'discovery.invalid-json',
    ExitCode.invalidJson,
    json('line 29, column 7 (position 607)', 'expected a property name in double quotes, found the end of the text'),
  ],
  'login-page.html': [
    'discovery.html',
    ExitCode.html,
    // A saved page is not a login the credentials could fix: say what to save instead.
    (source, fromFile) =>
      fromFile
        ? `The discovery file ${source} is an HTML page titled "Sign In - Liferay", not JSON: save the portal's discovery document instead ` +
          '(liferay-sdk-builder discover --url <portal> --out <file>), not a page a browser shows.'
        : `Expected JSON but got an HTML page titled "Sign In - Liferay" from ${source}, typically a login or error page: check the URL and the credentials.`,
  ],
  'not-an-object.json': ['discovery.invalid-document', ExitCode.invalidDocument, unknown()],
  'unknown-shape.json': ['discovery.invalid-document', ExitCode.invalidDocument, unknown()],
  'portal-exception.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    unknown('Authenticated access required'),
  ],
  'portal-error-7x.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    unknown('Access denied to com.liferay.portal.kernel.service.UserService#getCurrentUser'),
  ],
  'legacy-actions-not-array.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('actions must be an array (got string)'),
  ],
  'legacy-discover-not-strings.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('discover[1] must be a string (got number)'),
  ],
  'legacy-parameters-not-array.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('actions[0].parameters must be an array (got object)'),
  ],
  'legacy-response-missing.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('actions[1].response is missing (expected a string)'),
  ],
  'v62-context-not-string.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('context must be a string (got array)'),
  ],
  'v62-id-not-string.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[0].id must be a string (got number)'),
  ],
  'v62-parameter-name-missing.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[1].parameters[2].name is missing (expected a string)'),
  ],
  'v7-deprecated-not-boolean.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[0].deprecated must be a boolean (got string)'),
  ],
  'v7-parameter-type-number.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[2].parameters[1].type must be a string (got number)'),
  ],
  'v7-parameters-missing.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[1].parameters is missing (expected an array)'),
  ],
  'v7-path-missing.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[1].path is missing (expected a string)'),
  ],
  'v7-returns-missing.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[0].returns is missing (expected an object)'),
  ],
  'v7-returns-type-null.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[1].returns.type must be a string (got null)'),
  ],
  'v7-service-not-object.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services[1] must be an object (got string)'),
  ],
  'v7-services-not-array.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('services must be an array (got object)'),
  ],
  'v7-types-not-array.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('types must be an array (got object)'),
  ],
  'v7-types-property-name-missing.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('types[0].properties[1].name is missing (expected a string)'),
  ],
  'v7-version-number.json': [
    'discovery.invalid-document',
    ExitCode.invalidDocument,
    shape('version must be a string (got number)'),
  ],
};

describe('fixtures/invalid', () => {
  it('has an expectation for every file and a file for every expectation', async () => {
    expect((await readdir(directory)).sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('%s read from a file', async (name, [code, exitCode, message]) => {
    const path = join(directory, name);
    const error = await rejection(discoverDocuments({ discovery: [path] }));
    expect([error.code, exitCodeOf(error.code), error.message, error.source]).toEqual([
      code,
      exitCode,
      message(path, true),
      path,
    ]);
  });

  it.each(Object.entries(expectations))('%s served by a portal', async (name, [code, exitCode, message]) => {
    const portal = await startPortalServer(serveJson(await readFile(join(directory, name), 'utf8')));
    try {
      const error = await rejection(discoverDocuments({ url: portal.url, retries: 0 }));
      const source = `${portal.url}/api/jsonws?discover=/*`;
      expect([error.code, exitCodeOf(error.code), error.message]).toEqual([code, exitCode, message(source, false)]);
    } finally {
      await portal.close();
    }
  });
});
