import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  destroyMidBody,
  hang,
  hangMidBody,
  redirect,
  refusedUrl,
  serveHtml,
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import {
  AbortError,
  AuthenticationError,
  BasicAuthentication,
  HttpError,
  LiferayError,
  NetworkError,
  ParseError,
  RedirectError,
  ServerError,
  Session,
  TimeoutError,
  type SessionOptions,
  type TransportKind,
} from '../../src/runtime/index.js';
import { getEntry, portalError } from './jsonws-portal.js';

const path = '/blogsentry/get-entry';
let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

async function callAgainst(handler: PortalHandler, options: Partial<SessionOptions>): Promise<unknown> {
  portal = await startPortalServer(handler);
  session = new Session({ server: portal.url, ...options });
  return session.invoke(getEntry, { entryId: 1 }).then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error,
  );
}

type ErrorClass = abstract new (...args: never[]) => LiferayError;

const longHtml = `<html><body>${'Internal error. '.repeat(30)}</body></html>`;

describe.each<TransportKind>(['undici', 'fetch'])('errors over %s', (transport) => {
  it.each<[string, PortalHandler, ErrorClass, Record<string, unknown>]>([
    [
      'a 6.2 exception with a class and a message',
      serveJson({
        exception: 'com.liferay.portal.NoSuchEntryException',
        message: 'No BlogsEntry exists with the primary key 1',
      }),
      ServerError,
      {
        type: 'com.liferay.portal.NoSuchEntryException',
        message: `${path}: No BlogsEntry exists with the primary key 1`,
        path,
        code: 'LIFERAY_SERVER',
      },
    ],
    [
      'a 6.2 exception that is only a message',
      serveJson({
        exception: 'No JSON web service action associated with path /blogsentry/get-entry and method POST for /',
      }),
      ServerError,
      {
        type: undefined,
        message: `${path}: No JSON web service action associated with path /blogsentry/get-entry and method POST for /`,
        path,
      },
    ],
    [
      'a 6.2 exception written "class: message"',
      serveJson({
        exception: 'java.lang.SecurityException: Access denied to com.liferay.blogs.service.BlogsEntryService#getEntry',
      }),
      ServerError,
      {
        type: 'java.lang.SecurityException',
        message: `${path}: Access denied to com.liferay.blogs.service.BlogsEntryService#getEntry`,
        path,
        rootCause: undefined,
      },
    ],
    [
      // The portal treats missing, wrong or expired credentials as the guest's; the SDK maps this to an authentication failure.
      'a 6.2 "Authenticated access required" with status 200',
      serveJson({ exception: 'java.lang.SecurityException', message: 'Authenticated access required' }),
      AuthenticationError,
      { message: `${path}: Authenticated access required`, path, code: 'LIFERAY_AUTHENTICATION' },
    ],
    [
      'a 7.x "Authenticated access required" with status 403',
      serveJson(portalError('java.lang.SecurityException', 'Authenticated access required'), 403),
      AuthenticationError,
      { message: `${path}: Authenticated access required`, path, code: 'LIFERAY_AUTHENTICATION' },
    ],
    [
      'a 7.x exception with status 500',
      serveJson(
        portalError('com.liferay.portal.kernel.security.auth.PrincipalException', 'User 20 must have VIEW permission'),
        500,
      ),
      ServerError,
      {
        type: 'com.liferay.portal.kernel.security.auth.PrincipalException',
        message: `${path}: User 20 must have VIEW permission`,
        path,
      },
    ],
    [
      'a 7.x exception with status 200',
      serveJson(
        portalError('com.liferay.blogs.exception.NoSuchEntryException', 'No BlogsEntry exists with the primary key 1'),
      ),
      ServerError,
      {
        type: 'com.liferay.blogs.exception.NoSuchEntryException',
        message: `${path}: No BlogsEntry exists with the primary key 1`,
        path,
        command: undefined,
      },
    ],
    [
      // JSONFactoryImpl.serializeThrowable in 7.x: the error, the same as "exception"/"throwable", and the innermost cause.
      'a 7.x exception with a root cause',
      serveJson(
        {
          error: { message: 'Unable to add the entry', type: 'com.liferay.portal.kernel.exception.SystemException' },
          exception: 'Unable to add the entry',
          throwable: 'com.liferay.portal.kernel.exception.SystemException: Unable to add the entry',
          rootCause: {
            message: 'Duplicate entry for key PRIMARY',
            type: 'java.sql.SQLIntegrityConstraintViolationException',
          },
        },
        500,
      ),
      ServerError,
      {
        type: 'com.liferay.portal.kernel.exception.SystemException',
        message: `${path}: Unable to add the entry`,
        rootCause: {
          type: 'java.sql.SQLIntegrityConstraintViolationException',
          message: 'Duplicate entry for key PRIMARY',
        },
      },
    ],
    [
      'a 401',
      answer(401, 'Unauthorized'),
      AuthenticationError,
      { message: `${path}: authentication failed (HTTP 401)`, path, code: 'LIFERAY_AUTHENTICATION' },
    ],
    [
      'a 302',
      redirect('http://portal/c/portal/login'),
      RedirectError,
      {
        status: 302,
        location: 'http://portal/c/portal/login',
        message: `${path}: redirected (HTTP 302) to http://portal/c/portal/login`,
        code: 'LIFERAY_REDIRECT',
      },
    ],
    [
      'a 500 HTML page',
      serveHtml(longHtml, 500),
      HttpError,
      { status: 500, body: longHtml.slice(0, 200), message: `${path}: HTTP 500`, code: 'LIFERAY_HTTP' },
    ],
    [
      'a 404 JSON that is no exception',
      serveJson({ status: 404 }, 404),
      HttpError,
      { status: 404, body: '{"status":404}' },
    ],
    [
      'invalid JSON',
      answer(200, '[{"a": 1'),
      ParseError,
      { body: '[{"a": 1', message: `${path}: the answer is not JSON`, code: 'LIFERAY_PARSE' },
    ],
    [
      'JSON that is not an array',
      serveJson({ id: 1 }),
      ParseError,
      { body: '{"id":1}', message: `${path}: the answer is not a JSON array` },
    ],
    ['an empty answer', answer(200, ''), ParseError, { body: '' }],
  ])('rejects %s', async (_name, handler, like, fields) => {
    const error = await callAgainst(handler, { transport });
    expect(error).toBeInstanceOf(LiferayError);
    expect(error).toBeInstanceOf(like);
    expect((error as Error).name).toBe(like.name);
    expect(error).toMatchObject(fields);
  });

  it('rejects a refused connection with a NetworkError carrying the cause', async () => {
    session = new Session({ server: await refusedUrl(), transport });
    const error = await session.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    // The message says what failed, whichever client: fetch's own "fetch failed" is unwrapped.
    expect(error).toMatchObject({ path });
    expect((error as Error).message).toMatch(
      new RegExp(`^${path}: network failure: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`),
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('rejects a connection reset in the middle of the answer with a NetworkError', async () => {
    const error = await callAgainst(destroyMidBody('[{"entryId":'), { transport });
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it.each([
    ['the session timeout', { timeout: 100 }, undefined],
    ['a per-call timeout', { timeout: 60_000 }, 100],
  ])('rejects with a TimeoutError after %s and releases the connection', async (_name, options, perCall) => {
    portal = await startPortalServer(hang());
    session = new Session({ server: portal.url, transport, ...options });
    const error = await session
      .invoke(getEntry, { entryId: 1 }, perCall === undefined ? undefined : { timeout: perCall })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeout: 100, path, message: `${path}: no answer within 100 ms` });
    await portal.whenIdle();
    expect(portal.openConnections()).toBe(0);
  });

  it('times out while the body is still arriving', async () => {
    portal = await startPortalServer(hangMidBody('[{"id":'));
    session = new Session({ server: portal.url, transport, timeout: 100 });
    await expect(session.invoke(getEntry, { entryId: 1 })).rejects.toBeInstanceOf(TimeoutError);
    await portal.whenIdle();
  });

  it('rejects with an AbortError when the caller aborts mid-request, and releases the connection', async () => {
    let arrived!: () => void;
    const received = new Promise<void>((resolve) => (arrived = resolve));
    portal = await startPortalServer(() => arrived());
    session = new Session({ server: portal.url, transport });
    const controller = new AbortController();
    const call = session
      .invoke(getEntry, { entryId: 1 }, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await received;
    const reason = new Error('user left the page');
    controller.abort(reason);
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ path, message: `${path}: aborted` });
    expect((error as Error).cause).toBe(reason);
    await portal.whenIdle();
  });

  it('rejects at once, without a request, when the signal is already aborted', async () => {
    portal = await startPortalServer(serveJson([1]));
    session = new Session({ server: portal.url, transport });
    await expect(session.invoke(getEntry, { entryId: 1 }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(portal.requests).toHaveLength(0);
  });
});

it('never puts credentials in an error', async () => {
  const error = await callAgainst(answer(401, 'no'), {
    authentication: new BasicAuthentication('admin', 's3cr3t-pass'),
  });
  const encoded = Buffer.from('admin:s3cr3t-pass').toString('base64');
  const shown = `${inspect(error, { showHidden: true, depth: 5 })} ${JSON.stringify(error)} ${String((error as Error).stack)}`;
  expect(shown).not.toContain('s3cr3t-pass');
  expect(shown).not.toContain(encoded);
});
