/**
 * Answers that are complete but wrong (an HTML error page, broken JSON, a redirect) and one that is huge,
 * on both transports and in both call styles.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { answer, serveHtml, serveJson, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { HttpError, ParseError, Session } from '../../src/runtime/index.js';
import { call, failureOf, getEntry, matrix, transports, valueOf } from './fault-harness.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

const errorPage =
  '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>' +
  'x'.repeat(300) +
  '</body></html>';

describe.each(matrix)('answer faults (%s, %s style)', (transport, style) => {
  it('rejects a 500 with an HTML page with an HttpError giving the status and the start of the page', async () => {
    portal = await startPortalServer(serveHtml(errorPage, 500));
    session = new Session({ server: portal.url, transport });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('/blogsentry/get-entry: HTTP 500');
    expect((error as HttpError).status).toBe(500);
    expect((error as HttpError).body).toBe(errorPage.slice(0, 200));
  });

  it.each([
    ['invalid JSON', '[{"entryId": 1,}]'],
    ['truncated JSON', '[{"entryId": 1, "title": "Hel'],
    ['an HTML page', errorPage],
    ['an empty body', ''],
  ])('rejects a 200 with %s with a ParseError quoting it', async (_, body) => {
    portal = await startPortalServer(answer(200, body, { 'content-type': 'application/json' }));
    session = new Session({ server: portal.url, transport });
    const error = failureOf(await call(style, session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(ParseError);
    expect(error.message).toBe('/blogsentry/get-entry: the answer is not JSON');
    expect((error as ParseError).body).toBe(body.slice(0, 200));
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

// Built once: 400,000 entries make a body of about 55 MB.
const entries = Array.from({ length: 400_000 }, (_, entryId) => ({
  entryId,
  title: 'entry ' + entryId,
  content: 'x'.repeat(80),
}));
const huge = JSON.stringify([entries]);

// The style only changes how the outcome is delivered, so each transport takes one style per case.
describe.each(transports)('a 50 MB answer (%s)', (transport) => {
  it('is parsed whole', async () => {
    expect(huge.length).toBeGreaterThan(50 * 2 ** 20);
    portal = await startPortalServer(serveJson(huge));
    session = new Session({ server: portal.url, transport });
    const value = valueOf(await call('promise', session, getEntry, { entryId: 1 })) as typeof entries;
    expect(value).toHaveLength(400_000);
    expect(value[399_999]).toEqual(entries[399_999]);
  });

  it('that is cut short is a ParseError quoting only its start, delivered once', async () => {
    const truncated = huge.slice(0, -3);
    portal = await startPortalServer(serveJson(truncated));
    session = new Session({ server: portal.url, transport });
    const error = failureOf(await call('callback', session, getEntry, { entryId: 1 }));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).body).toBe(huge.slice(0, 200));
  });
});
