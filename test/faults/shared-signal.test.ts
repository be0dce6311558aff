/**
 * One AbortSignal given to many calls: the session listens to it once, aborting it ends every call sharing it
 * (each exactly once) and releases their connections, and it is left without listeners.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { hang, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { AbortError, Session } from '../../src/runtime/index.js';
import { call, failureOf, getEntry, guarded, matrix } from './fault-harness.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

describe.each(matrix)('a signal shared by 50 calls (%s, %s style)', (transport, style) => {
  it('aborts them all, with one listener at most on the signal, and none after', async () => {
    portal = await startPortalServer(hang());
    session = new Session({ server: portal.url, transport });
    const controller = new AbortController();
    const reason = new Error('page left');
    const { signal } = controller;
    const calls = Array.from({ length: 50 }, (_, entryId) =>
      call(style, session as Session, getEntry, { entryId }, { signal }),
    );
    while (portal.requests.length < 50) await guarded(new Promise((resolve) => setTimeout(resolve, 10)), 'requests');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(reason);
    for (const outcome of await Promise.all(calls)) {
      const error = failureOf(outcome);
      expect(error).toBeInstanceOf(AbortError);
      expect(error.cause).toBe(reason);
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await guarded(portal.whenIdle(), 'server idle');
  });
});
