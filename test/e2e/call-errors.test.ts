/**
 * Every way a call of the built client fails, checked with `instanceof` against the error classes that the
 * same built package exports.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  answer,
  hang,
  refusedUrl,
  serveHtml,
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import { buildPackage, methodOf, serviceClass, type ClientRuntime } from './built-package.js';
import { portalException } from './invoke-portal.js';

type Client = ClientRuntime & Record<string, unknown>;

let client: Client;
let portal: PortalServer | undefined;
beforeAll(async () => {
  client = await (await buildPackage('fixtures/discovery/7.x/portal.json', 'errors-v7-portal')).main();
});
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

/** Calls /blogsentry/get-entry on a portal answering with `handler` (or on `server`) and returns the rejection. */
async function failure(handler: PortalHandler, options: { server?: string; timeout?: number } = {}): Promise<unknown> {
  portal = await startPortalServer(handler);
  const session = new client.Session({
    server: options.server ?? portal.url,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  const blogs = new (serviceClass(client, 'BlogsEntryService'))(session);
  try {
    const outcome = await Promise.resolve(methodOf(blogs, 'getEntry')({ entryId: 7 })).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome)) throw new Error(`the call succeeded with ${JSON.stringify(outcome.result)}`);
    return outcome.error;
  } finally {
    await session.close();
  }
}

function expectLiferayError(error: unknown, type: abstract new (...args: never[]) => unknown): void {
  expect(error).toBeInstanceOf(type);
  expect(error).toBeInstanceOf(client.LiferayError);
  expect((error as { path?: string }).path).toBe('/blogsentry/get-entry');
}

describe('a failing call rejects with the matching error class of the built package', () => {
  it('ServerError from a 7.x error body, with the exception class and message', async () => {
    const type = 'com.liferay.blogs.kernel.exception.NoSuchEntryException';
    const error = await failure(serveJson(portalException(type, 'No BlogsEntry exists with the primary key 7'), 404));
    expectLiferayError(error, client.ServerError);
    expect(error).toMatchObject({
      name: 'ServerError',
      code: 'LIFERAY_SERVER',
      type,
      message: '/blogsentry/get-entry: No BlogsEntry exists with the primary key 7',
    });
  });

  it('ServerError from a 6.2 exception body "class: message"', async () => {
    const error = await failure(
      serveJson({
        exception: 'com.liferay.portlet.blogs.NoSuchEntryException: No BlogsEntry exists with the primary key 7',
      }),
    );
    expectLiferayError(error, client.ServerError);
    expect(error).toMatchObject({
      type: 'com.liferay.portlet.blogs.NoSuchEntryException',
      message: '/blogsentry/get-entry: No BlogsEntry exists with the primary key 7',
    });
  });

  it('ServerError from a 6.2 exception body with a separate message', async () => {
    const error = await failure(
      serveJson({
        exception: 'com.liferay.portal.security.auth.PrincipalException',
        message: 'User 20139 must have VIEW permission',
      }),
    );
    expectLiferayError(error, client.ServerError);
    expect(error).toMatchObject({
      type: 'com.liferay.portal.security.auth.PrincipalException',
      message: '/blogsentry/get-entry: User 20139 must have VIEW permission',
    });
  });

  it('AuthenticationError on 401', async () => {
    const error = await failure(
      answer(401, '{"error":{"message":"Authenticated access required"}}', {
        'www-authenticate': 'Basic realm="PortalRealm"',
      }),
    );
    expectLiferayError(error, client.AuthenticationError);
    expect(error).toMatchObject({ name: 'AuthenticationError' });
    expect(error).not.toBeInstanceOf(client.ServerError);
  });

  it('RedirectError on 302, with its location', async () => {
    const error = await failure(answer(302, '', { location: 'http://127.0.0.1:1/c/portal/login' }));
    expectLiferayError(error, client.RedirectError);
    expect(error).toMatchObject({ status: 302, location: 'http://127.0.0.1:1/c/portal/login' });
    expect(portal?.requests.length).toBe(1);
  });

  it('HttpError on a 500 HTML page, with the start of the page', async () => {
    const page = '<html><head><title>Internal Server Error</title></head><body>boom</body></html>';
    const error = await failure(serveHtml(page, 500));
    expectLiferayError(error, client.HttpError);
    expect(error).toMatchObject({ status: 500, body: page });
  });

  it('ParseError on a 2xx answer that is not JSON', async () => {
    const error = await failure(serveJson('[{"entryId": 7,'));
    expectLiferayError(error, client.ParseError);
    expect(error).toMatchObject({ body: '[{"entryId": 7,' });
  });

  it('NetworkError when the connection is refused', async () => {
    const error = await failure(answer(200), { server: await refusedUrl() });
    expectLiferayError(error, client.NetworkError);
    expect((error as Error).cause).toBeDefined();
  });

  it('TimeoutError when the portal never answers, and the connection is released', async () => {
    const error = await failure(hang(), { timeout: 200 });
    expectLiferayError(error, client.TimeoutError);
    expect(error).toMatchObject({ timeout: 200 });
    await portal?.whenIdle();
    expect(portal?.openConnections()).toBe(0);
  });
});
