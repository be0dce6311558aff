/**
 * A portal that requires HTTPS (issue 14, point 6): its http address redirects every page to https on the same
 * host; the cookie sign-in follows that upgrade, signs in at https, and says so (`server`); a session kept at
 * the http address is refused with a message naming both. A self-signed certificate made by openssl for the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, getGlobalDispatcher, request, setGlobalDispatcher, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { AuthenticationError, CookieAuthentication, Session } from '../../src/runtime/index.js';
import { PASSWORD, USER, startCookiePortal, tokenOf, type CookiePortal } from './cookie-portal.js';
import { getEntry } from './jsonws-portal.js';

let portal: CookiePortal;
let secure: Server;
let plain: PortalServer;
let httpsUrl: string;
let dispatcher: Dispatcher;
beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'lsb-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(folder, 'key.pem'),
      '-out',
      join(folder, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(join(folder, 'key.pem'));
  const cert = readFileSync(join(folder, 'cert.pem'));
  rmSync(folder, { recursive: true });
  portal = await startCookiePortal('7.3');
  // The https portal: the same portal behind TLS.
  secure = createServer({ key, cert }, (incoming, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const answer = await request(portal.server.url + (incoming.url ?? '/'), {
        method: incoming.method as 'GET' | 'POST',
        headers: incoming.headers as Record<string, string>,
        body: chunks.length ? Buffer.concat(chunks) : null,
      });
      response.writeHead(answer.statusCode, answer.headers as Record<string, string | string[]>);
      response.end(Buffer.from(await answer.body.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
  httpsUrl = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
  // The http address: every page redirects to https, as a portal that requires HTTPS does.
  plain = await startPortalServer((recorded, response) => {
    response.writeHead(302, { location: httpsUrl + recorded.url });
    response.end();
  });
  dispatcher = getGlobalDispatcher();
  setGlobalDispatcher(new Agent({ connect: { ca: cert } }));
});
afterAll(async () => {
  setGlobalDispatcher(dispatcher);
  await plain.close();
  secure.closeAllConnections();
  await new Promise<void>((resolve) => secure.close(() => resolve()));
  await portal.server.close();
});

describe('a cookie sign-in redirected from http to https on the same host', () => {
  it('follows the upgrade, signs in at https, and refuses a session kept at http, naming both', async () => {
    const authentication = await CookieAuthentication.signIn(plain.url, USER, PASSWORD);
    expect(authentication.server).toBe(httpsUrl);
    expect(authentication.authToken).toBe(tokenOf('1'));
    expect(plain.requests.map((each) => [each.method, each.url])).toEqual([['GET', '/']]);
    const session = new Session({ server: plain.url, authentication });
    const error = await session.invoke(getEntry, { entryId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain(`signed in to ${httpsUrl}, not to ${plain.url}, the session's server`);
    await session.close();
  });

  it('still refuses a redirect to another host, naming it', async () => {
    const other = await startPortalServer((recorded, response) => {
      response.writeHead(302, {
        location: `https://localhost:${(secure.address() as AddressInfo).port}${recorded.url}`,
      });
      response.end();
    });
    try {
      await expect(CookieAuthentication.signIn(other.url, USER, PASSWORD)).rejects.toThrow(
        `sign-in redirected away from the portal, to https://localhost:${(secure.address() as AddressInfo).port}/`,
      );
    } finally {
      await other.close();
    }
  });
});
