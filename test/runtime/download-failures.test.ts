import { afterEach, describe, expect, it } from 'vitest';
import {
  answer,
  hangMidBody,
  redirect,
  route,
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
  RedirectError,
  ServerError,
  Session,
  TimeoutError,
  type SessionOptions,
} from '../../src/runtime/index.js';
import { download } from '../../src/runtime/download.js';
import { portalError } from './jsonws-portal.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

async function open(routes: Record<string, PortalHandler>, options: Partial<SessionOptions> = {}): Promise<Session> {
  portal = await startPortalServer(route(routes));
  session = new Session({
    server: portal.url,
    authentication: new BasicAuthentication('test@liferay.com', 'test'),
    ...options,
  });
  return session;
}

describe('download failures', () => {
  it.each<[string, PortalHandler, unknown, Record<string, unknown>]>([
    [
      'a missing document',
      serveHtml('<h1>Not Found</h1>', 404),
      HttpError,
      { status: 404, body: '<h1>Not Found</h1>' },
    ],
    ['refused credentials', answer(401), AuthenticationError, { path: '/documents/x' }],
    [
      'a portal exception',
      serveJson(portalError('com.liferay.document.library.kernel.exception.NoSuchFileEntryException', 'gone'), 404),
      ServerError,
      { type: 'com.liferay.document.library.kernel.exception.NoSuchFileEntryException' },
    ],
    [
      'a redirect to the sign-in page',
      redirect('/c/portal/login?redirect=x'),
      RedirectError,
      { status: 302, location: '/c/portal/login?redirect=x' },
    ],
  ])('maps %s to the session errors', async (_name, handler, type, fields) => {
    await open({ '/documents/x': handler });
    const error = await download(session as Session, '/documents/x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject(fields);
  });

  it('follows a redirect loop five times, then fails with the RedirectError', async () => {
    await open({ '/documents/loop': redirect('/documents/loop') });
    await expect(download(session as Session, '/documents/loop')).rejects.toBeInstanceOf(RedirectError);
    expect(portal?.requests).toHaveLength(6);
  });

  it('errors the body with an AbortError when aborted mid-body, and releases the connection', async () => {
    await open({ '/documents/partial': hangMidBody('%PDF-1.7 partial') });
    const controller = new AbortController();
    const result = await download(session as Session, '/documents/partial', { signal: controller.signal });
    const reader = result.body.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('%PDF-1.7 partial');
    const next = reader.read();
    controller.abort(new Error('enough'));
    const error = await next.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error('enough'));
    await session?.close();
    await portal?.whenIdle();
  });

  it('errors the body with a TimeoutError when it stops coming, and releases the connection', async () => {
    await open({ '/documents/partial': hangMidBody('%PDF') }, { timeout: 300 });
    const result = await download(session as Session, '/documents/partial');
    await expect(result.text()).rejects.toEqual(
      new TimeoutError('no answer within 300 ms', { path: '/documents/partial', timeout: 300 }),
    );
    await session?.close();
    await portal?.whenIdle();
  });
});
