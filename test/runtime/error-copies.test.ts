/**
 * An app with two generated packages (a portal one and a calendar one) has two copies of the runtime: an
 * error thrown by one must still be recognised by the other's classes, by `instanceof` and by `code`.
 */
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedUrl } from '../helpers/portal-server.js';
import { getEntry } from './jsonws-portal.js';

type Runtime = typeof import('../../src/runtime/index.js');

const source = fileURLToPath(new URL('../../src/runtime/', import.meta.url));
const copies = fileURLToPath(new URL('../../.cache/runtime-copies/', import.meta.url));

async function loadCopy(name: string): Promise<Runtime> {
  const folder = join(copies, name);
  await cp(source, folder, { recursive: true });
  return (await import(/* @vite-ignore */ pathToFileURL(join(folder, 'index.ts')).href)) as Runtime;
}

let portal: Runtime;
let calendar: Runtime;
beforeAll(async () => {
  await rm(copies, { recursive: true, force: true });
  await mkdir(copies, { recursive: true });
  [portal, calendar] = await Promise.all([loadCopy('portal-client'), loadCopy('calendar-client')]);
});
afterAll(() => rm(copies, { recursive: true, force: true }));

describe('errors across two copies of the runtime', () => {
  it('are two copies: the classes differ, and the prototype chains do not meet', () => {
    expect(calendar.NetworkError).not.toBe(portal.NetworkError);
    const error = new calendar.NetworkError('network failure', { path: '/x/y' });
    expect(Object.prototype.isPrototypeOf.call(portal.LiferayError.prototype, error)).toBe(false);
  });

  it("recognises a failed call's error from the other copy by instanceof and by code", async () => {
    const session = new calendar.Session({ server: await refusedUrl() });
    const error = await session.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(calendar.NetworkError);
    expect(error instanceof portal.NetworkError).toBe(true);
    expect(error instanceof portal.LiferayError).toBe(true);
    expect(error instanceof portal.TimeoutError).toBe(false);
    expect(error instanceof portal.ServerError).toBe(false);
    expect(error).toMatchObject({ code: 'LIFERAY_NETWORK', name: 'NetworkError', path: '/blogsentry/get-entry' });
  });

  it.each([
    ['LiferayError', 'LIFERAY_ERROR', (r: Runtime) => new r.LiferayError('refused')],
    [
      'ServerError',
      'LIFERAY_SERVER',
      (r: Runtime) => new r.ServerError('No BlogsEntry exists', { type: 'x.NoSuchEntryException' }),
    ],
    [
      'AuthenticationError',
      'LIFERAY_AUTHENTICATION',
      (r: Runtime) => new r.AuthenticationError('authentication failed (HTTP 401)'),
    ],
    [
      'RedirectError',
      'LIFERAY_REDIRECT',
      (r: Runtime) => new r.RedirectError('redirected (HTTP 302)', { status: 302 }),
    ],
    ['HttpError', 'LIFERAY_HTTP', (r: Runtime) => new r.HttpError('HTTP 500', { status: 500, body: '' })],
    ['ParseError', 'LIFERAY_PARSE', (r: Runtime) => new r.ParseError('the answer is not JSON', { body: '' })],
    ['NetworkError', 'LIFERAY_NETWORK', (r: Runtime) => new r.NetworkError('network failure')],
    ['TimeoutError', 'LIFERAY_TIMEOUT', (r: Runtime) => new r.TimeoutError('no answer within 1 ms', { timeout: 1 })],
    ['AbortError', 'LIFERAY_ABORT', (r: Runtime) => new r.AbortError('aborted')],
  ] as const)('tells a %s of one copy by the classes of the other', (name, code, make) => {
    const error = make(calendar);
    expect(error).toMatchObject({ name, code });
    const classes = [
      'ServerError',
      'AuthenticationError',
      'RedirectError',
      'HttpError',
      'ParseError',
      'NetworkError',
      'TimeoutError',
      'AbortError',
    ] as const;
    for (const other of classes) expect(error instanceof portal[other], `instanceof ${other}`).toBe(other === name);
    expect(error instanceof portal.LiferayError).toBe(true);
    expect(error instanceof Error).toBe(true);
  });

  it('keeps the ordinary check for subclasses an app writes, and refuses what is no runtime error', () => {
    class CalendarNetworkError extends calendar.NetworkError {}
    const own = new CalendarNetworkError('network failure');
    expect(own instanceof portal.NetworkError).toBe(true);
    expect(own instanceof CalendarNetworkError).toBe(true);
    expect(new portal.NetworkError('network failure') instanceof CalendarNetworkError).toBe(false);
    expect(own).toMatchObject({ code: 'LIFERAY_NETWORK', name: 'NetworkError' });
    for (const value of [
      new Error('x'),
      { code: 'LIFERAY_NETWORK', name: 'NetworkError' },
      null,
      undefined,
      'NetworkError',
      42,
    ]) {
      expect(value instanceof portal.LiferayError).toBe(false);
      expect(value instanceof portal.NetworkError).toBe(false);
    }
  });

  it('gives every error one constructor shape: a message, then { path, cause, ... }', () => {
    const cause = new Error('ECONNRESET');
    const error = new portal.NetworkError('network failure', { path: '/blogsentry/get-entry', cause });
    expect(error).toMatchObject({
      message: '/blogsentry/get-entry: network failure',
      path: '/blogsentry/get-entry',
      cause,
    });
    const server = new portal.ServerError('No BlogsEntry exists', {
      path: '/blogsentry/get-entry',
      type: 'x.NoSuchEntryException',
    });
    // The path leads the message of a ServerError too; `type` keeps the portal's class.
    expect(server.message).toBe('/blogsentry/get-entry: No BlogsEntry exists');
    expect(String(server.stack)).toMatch(/^ServerError: \/blogsentry\/get-entry: No BlogsEntry exists/);
    expect(new portal.LiferayError('x', { code: 'LIFERAY_NO_CALLBACK' }).code).toBe('LIFERAY_NO_CALLBACK');
  });
});
