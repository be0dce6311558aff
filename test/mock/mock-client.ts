/**
 * Test helpers for the mock portal: fixture paths, a started mock that every test closes, and plain fetch
 * calls returning status, content type and parsed body.
 */
import { afterEach } from 'vitest';
import { type MockPortal, type MockPortalOptions, startMockPortal } from '../../src/mock/index.js';

import { projectRoot as root } from '../helpers/project.js';

export const FIXTURES = {
  portal7: `${root}fixtures/discovery/7.x/portal.json`,
  calendar7: `${root}fixtures/discovery/7.x/plugin-calendar.json`,
  portal62: `${root}fixtures/discovery/6.2/portal.json`,
  calendar62: `${root}fixtures/discovery/6.2/plugin-calendar-portlet.json`,
  legacy: `${root}fixtures/discovery/legacy/portal.json`,
} as const;

const started: MockPortal[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((portal) => portal.close()));
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
