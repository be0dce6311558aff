/**
 * Test helpers for the mock portal: fixture paths, a started mock that every test closes, and plain fetch
 * calls returning status, content type and parsed body.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { temporaryFolder } from '../helpers/temporary.js';
import { type MockPortal, type MockPortalOptions, startMockPortal } from '../../src/mock/index.js';

import { projectRoot as root } from '../helpers/project.js';

export const FIXTURES = {
  portal7: `${root}fixtures/discovery/7.x/portal.json`,
  calendar7: `${root}fixtures/discovery/7.x/plugin-calendar.json`,
  values7: `${root}fixtures/discovery/7.x/value-classes.json`,
  portal62: `${root}fixtures/discovery/6.2/portal.json`,
  calendar62: `${root}fixtures/discovery/6.2/plugin-calendar-portlet.json`,
  legacy: `${root}fixtures/discovery/legacy/portal.json`,
} as const;

const started: MockPortal[] = [];

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((portal) => portal.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A mock on 127.0.0.1 and a free port, closed after the test. */
export async function mock(options: MockPortalOptions = {}): Promise<MockPortal> {
  const portal = await startMockPortal({ port: 0, ...options });
  started.push(portal);
  return portal;
}

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly json: unknown;
}

export async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

/** POST /api/jsonws/invoke with a JSON body (a value is stringified; a string is sent as it is). */
export function invoke(portal: MockPortal, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return request(`${portal.url}/api/jsonws/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A 7.x portal's error body (JSONFactoryImpl.serializeThrowable). */
export function error7(type: string, message: string): unknown {
  return { error: { message, type }, exception: message, throwable: `${type}: ${message}` };
}

export const NO_SUCH_7 = 'com.liferay.portal.kernel.jsonwebservice.NoSuchJSONWebServiceException';

/** An action of a small test document: parameters as [name, type], the return type as the document writes it. */
export interface TestAction {
  readonly path: string;
  readonly parameters: readonly (readonly [string, string])[];
  readonly returns: string;
}

export interface TestModel {
  readonly className: string;
  readonly properties: readonly (readonly [string, string])[];
}

/** Writes a small discovery document in one format to a folder removed after the test, and answers its path. */
export async function writeDocument(
  format: '7.x' | '6.2' | 'legacy',
  actions: readonly TestAction[],
  models: readonly TestModel[],
): Promise<string> {
  const folder = await temporaryFolder('lsb-mock-document-');
  folders.push(folder);
  const parameters = (action: TestAction): object[] => action.parameters.map(([name, type]) => ({ name, type }));
  const types = models.map((model) => ({
    properties: model.properties.map(([name, type]) => ({ name, type })),
    type: model.className,
  }));
  const base = { basePath: '/api/jsonws', baseURL: 'http://localhost:8080/api/jsonws' };
  const document =
    format === 'legacy'
      ? {
          ...base,
          discover: ['/*'],
          actions: actions.map((action) => ({
            method: 'GET',
            path: action.path,
            parameters: parameters(action),
            response: action.returns,
          })),
        }
      : {
          ...(format === '7.x' ? { contextName: '' } : { context: '' }),
          ...base,
          services: actions.map((action) => ({
            ...(format === '7.x' ? { name: action.path } : { id: action.path }),
            method: 'GET',
            parameters: parameters(action),
            path: action.path,
            returns: { type: action.returns },
          })),
          types,
          version: format === '7.x' ? '7.0.6' : '6.2.5',
        };
  const path = join(folder, 'portal.json');
  await writeFile(path, JSON.stringify(document));
  return path;
}
