import { describe, expect, it } from 'vitest';
import { serveJson, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { BatchSession, LiferayError, ServerError, Session, type Callback } from '../../src/runtime/index.js';
import { invokeWithCallback, type Invoker } from '../../src/runtime/internal.js';
import { getEntry, portalError, useEchoPortal } from './jsonws-portal.js';

let portal: PortalServer;
let session: Session;
useEchoPortal((started) => ({ portal, session } = started));

interface Recorder<T> extends Callback<T> {
  readonly events: string[];
  /** Resolves at the first outcome. */
  readonly settled: Promise<void>;
}

/** True while invokeWithCallback is on the stack: an outcome seen then was delivered synchronously. */
const state = { calling: false };

/** Records each outcome, and whether it came while the call was still on the stack. */
function recorder<T>(behaviour: { throwOnSuccess?: Error } = {}): Recorder<T> {
  const events: string[] = [];
  let done!: () => void;
  const settled = new Promise<void>((resolve) => (done = resolve));
  return {
    events,
    settled,
    onSuccess(result) {
      events.push(`success${state.calling ? ' (sync)' : ''} ${JSON.stringify(result)}`);
      done();
      if (behaviour.throwOnSuccess) throw behaviour.throwOnSuccess;
    },
    onFailure(error) {
      events.push(`failure${state.calling ? ' (sync)' : ''} ${error.name}: ${error.message}`);
      done();
    },
  };
}

/** Calls through invokeWithCallback and waits until the outcome plus one more full round trip. */
async function callWith<T>(
  invoker: Invoker,
  callback: Callback<T> | undefined,
  settled: Promise<void>,
  parameters: object = { entryId: 1 },
): Promise<void> {
  state.calling = true;
  try {
    invokeWithCallback(invoker, getEntry, parameters, callback, undefined);
  } finally {
    state.calling = false;
  }
  await settled;
  // A second call later proves no duplicate outcome was pending.
  await session.invoke(getEntry, { entryId: 0 });
}

describe('invokeWithCallback', () => {
  it('calls onSuccess once, asynchronously, with the result', async () => {
    const callback = recorder<unknown>();
    await callWith(session, callback, callback.settled, { entryId: 4 });
    expect(callback.events).toEqual(['success {"entryId":4}']);
  });

  it('calls onFailure once with the LiferayError, even for a call rejected before any request', async () => {
    const failing = recorder<unknown>();
    await callWith(session, failing, failing.settled, { wrong: 1 });
    expect(failing.events).toEqual([
      'failure LiferayError: /blogsentry/get-entry: no overload takes the parameters {wrong}; available: (entryId)',
    ]);
  });

  it('delivers portal errors to onFailure', async () => {
    await portal.close();
    portal = await startPortalServer(
      serveJson(portalError('com.liferay.blogs.exception.NoSuchEntryException', 'No BlogsEntry 1'), 500),
    );
    session = new Session({ server: portal.url });
    let received: unknown;
    let done!: () => void;
    const settled = new Promise<void>((resolve) => (done = resolve));
    invokeWithCallback(
      session,
      getEntry,
      { entryId: 1 },
      { onSuccess: () => done(), onFailure: (error) => ((received = error), done()) },
      undefined,
    );
    await settled;
    expect(received).toBeInstanceOf(ServerError);
    expect(received).toMatchObject({
      type: 'com.liferay.blogs.exception.NoSuchEntryException',
      message: '/blogsentry/get-entry: No BlogsEntry 1',
    });
  });

  it('uses the session callback when none is passed (the callback field, and through a batch)', async () => {
    const first = recorder<unknown>();
    session.callback = first;
    await callWith(session, undefined, first.settled, { entryId: 1 });
    const second = recorder<unknown>();
    session.callback = second;
    await callWith(session, undefined, second.settled, { entryId: 2 });
    const batched = recorder<unknown>();
    session.callback = batched;
    const batch = new BatchSession(session);
    invokeWithCallback(batch, getEntry, { entryId: 3 }, undefined, undefined);
    await batch.send();
    await batched.settled;
    expect([first.events, second.events, batched.events]).toEqual([
      ['success {"entryId":1}'],
      ['success {"entryId":2}'],
      ['success {"entryId":3}'],
    ]);
  });

  it('keeps the deprecated setCallback as a way to set that same field', () => {
    const callback = recorder<unknown>();
    session.setCallback(callback);
    expect(session.callback).toBe(callback);
    session.setCallback(null);
    expect(session.callback).toBeNull();
  });

  it('accepts a session callback typed for one result type', () => {
    // Compile-time: Callback methods are bivariant, so a typed callback fits the session's Callback<unknown>.
    const typed: Callback<{ entryId: number }> = {
      onSuccess: (result) => void result.entryId,
      onFailure: () => undefined,
    };
    session.callback = typed;
    expect(session.callback).toBe(typed);
  });

  it('prefers the per-call callback to the session one', async () => {
    const sessionLevel = recorder<unknown>();
    const perCall = recorder<unknown>();
    session.callback = sessionLevel;
    await callWith(session, perCall, perCall.settled);
    expect([sessionLevel.events, perCall.events]).toEqual([[], ['success {"entryId":1}']]);
  });

  it('throws a LiferayError at the call, sending nothing, when there is no callback at all', () => {
    session.callback = null;
    expect(() => invokeWithCallback(session, getEntry, { entryId: 1 }, undefined, undefined)).toThrow(
      new LiferayError('no callback: pass one to this method or set session.callback', {
        path: '/blogsentry/get-entry',
        code: 'LIFERAY_NO_CALLBACK',
      }),
    );
    expect(portal.requests).toHaveLength(0);
  });

  it('sends what onSuccess throws to onCallbackError, never to onFailure', async () => {
    const thrown = new Error('bug in the app');
    const reported: unknown[] = [];
    session.onCallbackError = (error) => reported.push(error);
    const callback = recorder<unknown>({ throwOnSuccess: thrown });
    await callWith(session, callback, callback.settled);
    expect(callback.events).toEqual(['success {"entryId":1}']);
    expect(reported).toEqual([thrown]);
  });

  it('turns a non-Liferay rejection of a custom invoker into a LiferayError with its cause', async () => {
    const cause = new TypeError('boom');
    const invoker: Invoker = { invoke: () => Promise.reject(cause) };
    let received: LiferayError | undefined;
    await new Promise<void>((resolve) =>
      invokeWithCallback(
        invoker,
        getEntry,
        {},
        { onSuccess: () => resolve(), onFailure: (error) => ((received = error), resolve()) },
        undefined,
      ),
    );
    expect(received).toBeInstanceOf(LiferayError);
    expect(received).toMatchObject({ message: '/blogsentry/get-entry: TypeError: boom', cause });
  });

  it('rethrows what a callback throws as an uncaught exception when there is no onCallbackError', async () => {
    const thrown = new Error('uncaught in the app');
    // Swap the runner's handlers for one that expects exactly this error, then put them back.
    const runners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    try {
      const caught = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
      const invoker: Invoker = { invoke: () => Promise.resolve(1) };
      let failures = 0;
      invokeWithCallback(
        invoker,
        getEntry,
        {},
        {
          onSuccess: () => {
            throw thrown;
          },
          onFailure: () => failures++,
        },
        undefined,
      );
      expect(await caught).toBe(thrown);
      expect(failures).toBe(0);
    } finally {
      for (const listener of runners) process.on('uncaughtException', listener);
    }
  });
});
