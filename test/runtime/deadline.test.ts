/**
 * Deadlines: each request runs under a signal (the part of an AbortSignal that undici and the transports
 * use, without an AbortController per call), which aborts with the call's own error when the caller aborts
 * or the timeout passes.
 */
import { describe, expect, it } from 'vitest';
import { withDeadline, type CallSignal } from '../../src/runtime/deadline.js';
import { AbortError, LiferayError, TimeoutError } from '../../src/runtime/index.js';

/** Resolves with the signal once it aborts. */
function aborted(signal: CallSignal): Promise<CallSignal> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal), { once: true }));
}

describe('withDeadline', () => {
  it('gives the work a signal aborted with the TimeoutError the call rejects with, calling each listener once', async () => {
    let seen: Promise<CallSignal> | undefined;
    const calls = { kept: 0, removed: 0 };
    const call = withDeadline(undefined, 20, '/blogsentry/get-entry', (signal) => {
      seen = aborted(signal);
      const removed = (): void => void (calls.removed += 1);
      signal.addEventListener('abort', removed, { once: true });
      signal.addEventListener('abort', () => void (calls.kept += 1), { once: true });
      signal.removeEventListener('abort', removed);
      // Removing a listener that is not there changes nothing.
      signal.removeEventListener('abort', removed);
      return new Promise<never>(() => {});
    });
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'LIFERAY_TIMEOUT', timeout: 20, path: '/blogsentry/get-entry' });
    const signal = await seen;
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(error);
    expect(calls).toEqual({ kept: 1, removed: 0 });
  });

  it("aborts the signal with an AbortError whose cause is the caller's reason", async () => {
    const controller = new AbortController();
    let seen: Promise<CallSignal> | undefined;
    const call = withDeadline(controller.signal, 0, '/blogsentry/get-entry', (signal) => {
      seen = aborted(signal);
      return new Promise<never>(() => {});
    });
    const reason = new Error('the user left');
    controller.abort(reason);
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'LIFERAY_ABORT', cause: reason, message: '/blogsentry/get-entry: aborted' });
    expect((await seen)?.reason).toBe(error);
  });

  it('runs nothing for a signal already aborted, and leaves the signal of a finished call alone', async () => {
    let ran = false;
    const error = await withDeadline(AbortSignal.abort('gone'), 0, undefined, async () => {
      ran = true;
    }).catch((caught: unknown) => caught);
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(LiferayError);
    let kept: CallSignal | undefined;
    await withDeadline(undefined, 60_000, undefined, async (signal) => {
      kept = signal;
    });
    expect(kept?.aborted).toBe(false);
  });
});
