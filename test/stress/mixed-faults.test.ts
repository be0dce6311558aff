/**
 * Random mixes of faults, made concurrently on one session, in random styles, on a random transport: each
 * call ends in its fault's outcome, exactly once, whatever its neighbours do.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  answer,
  destroyMidBody,
  hang,
  hangMidBody,
  redirect,
  serveHtml,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import { commandsOf, echo } from '../runtime/jsonws-portal.js';
import {
  HttpError,
  LiferayError,
  NetworkError,
  ParseError,
  RedirectError,
  Session,
  TimeoutError,
} from '../../src/runtime/index.js';
import { call, getEntry, guarded, styles, transports, type Outcome } from '../faults/fault-harness.js';

/**
 * Only the calls whose fault is a portal that never answers take a short timeout (they time out however slow
 * the machine is); every other call has the session's, far longer than any loaded machine needs, so that a
 * healthy call never fails because its neighbours kept the machine busy.
 */
const FAULT_TIMEOUT = 200;
const SESSION_TIMEOUT = 10_000;
const timesOut = new Set(['hang', 'stall']);

/** Each fault: how the portal answers, and the error class expected (undefined: the call's echo). */
const faults: Record<string, [PortalHandler, (new (...args: never[]) => LiferayError) | undefined]> = {
  ok: [echo, undefined],
  reset: [destroyMidBody('[[1,'), NetworkError],
  hang: [hang(), TimeoutError],
  stall: [hangMidBody('[[1,'), TimeoutError],
  html500: [serveHtml('<html>down</html>', 500), HttpError],
  badJson: [answer(200, '[{"a":1,}]'), ParseError],
  truncated: [answer(200, '[{"a":'), ParseError],
  login: [redirect('http://127.0.0.1:1/c/portal/login'), RedirectError],
};
const kinds = Object.keys(faults);

let portal: PortalServer;
beforeAll(async () => {
  // The fault of a call is named by its entryId, so concurrent calls each get their own.
  portal = await startPortalServer((request, response, incoming) => {
    const kind = kinds[Number(Object.values(commandsOf(request)[0] ?? {})[0]?.['entryId']) % kinds.length] ?? 'ok';
    return faults[kind]?.[0](request, response, incoming);
  });
});
afterAll(() => portal.close());

function check(outcome: Outcome, kind: string, entryId: number): void {
  const expected = faults[kind]?.[1];
  if (!expected) return void expect(outcome).toEqual({ ok: true, value: { entryId } });
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.error).toBeInstanceOf(expected);
}

it('ends every call of a random mix in its own outcome, once', async () => {
  const mix = fc.array(
    fc.record({ kind: fc.constantFrom(...kinds), style: fc.constantFrom(...styles), round: fc.nat(20) }),
    {
      minLength: 1,
      maxLength: 6,
    },
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...transports), mix, async (transport, calls) => {
      const session = new Session({ server: portal.url, transport, timeout: SESSION_TIMEOUT });
      try {
        const outcomes = calls.map(({ kind, style, round }) => {
          const entryId = kinds.indexOf(kind) + kinds.length * round;
          const options = timesOut.has(kind) ? { timeout: FAULT_TIMEOUT } : {};
          return call(style, session, getEntry, { entryId }, options).then((outcome) => check(outcome, kind, entryId));
        });
        await guarded(Promise.all(outcomes), 'a mix of ' + calls.length + ' calls');
      } finally {
        await session.close();
      }
    }),
    { numRuns: 40 },
  );
});
