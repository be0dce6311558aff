import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/temporary.js';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { Session, type TransportKind } from '../../src/runtime/index.js';
import { type ActionSpec } from '../../src/runtime/internal.js';
import { commandsOf, echo, getEntry } from './jsonws-portal.js';

let portal: PortalServer | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

describe('transports', () => {
  it.each<[TransportKind | undefined, string | undefined]>([
    // undici's request() adds no fetch headers; fetch() always sends sec-fetch-mode.
    [undefined, undefined],
    ['undici', undefined],
    ['fetch', 'cors'],
  ])('with transport %s, sends the same request through the expected client', async (transport, fetchMode) => {
    portal = await startPortalServer(echo);
    session = new Session({ server: portal.url, ...(transport ? { transport } : {}) });
    expect(await session.invoke(getEntry, { entryId: 7 })).toEqual({ entryId: 7 });
    const request = portal.requests[0];
    expect(request?.body).toBe('[{"/blogsentry/get-entry":{"entryId":7}}]');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.headers['sec-fetch-mode']).toBe(fetchMode);
  });

  it.each<TransportKind>(['undici', 'fetch'])('reuses kept-alive connections across calls (%s)', async (transport) => {
    const sockets = new Set<Socket>();
    portal = await startPortalServer((request, response, incoming) => {
      sockets.add(incoming.socket);
      return echo(request, response, incoming);
    });
    session = new Session({ server: portal.url, transport });
    for (let entryId = 0; entryId < 10; entryId++) await session.invoke(getEntry, { entryId });
    expect(portal.requests).toHaveLength(10);
    // undici's pool may open a second socket when a call follows the previous answer within the same tick.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });

  it('falls back to fetch in Node when undici cannot be imported', async () => {
    portal = await startPortalServer(echo);
    // A bundle of the runtime in a folder with no node_modules above it, run in a fresh Node process.
    const folder = await temporaryFolder('lsb-runtime-');
    try {
      const entry = fileURLToPath(new URL('../../src/runtime/index.ts', import.meta.url));
      await build({
        entryPoints: [entry],
        bundle: true,
        format: 'esm',
        outfile: join(folder, 'runtime.mjs'),
        logLevel: 'silent',
      });
      const script = `const { Session } = await import(${JSON.stringify(join(folder, 'runtime.mjs'))});
        const session = new Session({ server: ${JSON.stringify(portal.url)} });
        console.log(JSON.stringify(await session.invoke(['/blogsentry/get-entry', [['entryId']]], { entryId: 3 })));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: folder,
      });
      expect(stdout.trim()).toBe('{"entryId":3}');
      expect(portal.requests[0]?.headers['sec-fetch-mode']).toBe('cors');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('closes its connections on close() and reopens on the next call', async () => {
    portal = await startPortalServer(echo);
    session = new Session({ server: portal.url, transport: 'undici' });
    await session.invoke(getEntry, { entryId: 1 });
    await session.close();
    await portal.whenIdle();
    expect(await session.invoke(getEntry, { entryId: 2 })).toEqual({ entryId: 2 });
  });
});

describe('maxConcurrency', () => {
  const getNumber: ActionSpec = ['/x/get-number', [['n']]];

  /** Holds requests until `group` are in flight (or all `total` arrived), counting the most in flight. */
  async function startGatedPortal(group: number, total: number): Promise<{ most: () => number; order: number[] }> {
    let inFlight = 0;
    let most = 0;
    const order: number[] = [];
    let held: (() => void)[] = [];
    portal = await startPortalServer((request, response, incoming) => {
      inFlight++;
      most = Math.max(most, inFlight);
      order.push(commandsOf(request)[0]?.['/x/get-number']?.['n'] as number);
      held.push(() => {
        inFlight--;
        void echo(request, response, incoming);
      });
      if (held.length === group || order.length === total) {
        const release = held;
        held = [];
        for (const answer of release) answer();
      }
    });
    return { most: () => most, order };
  }

  it.each<TransportKind>(['undici', 'fetch'])('keeps at most that many requests in flight (%s)', async (transport) => {
    const gate = await startGatedPortal(3, 10);
    session = new Session({ server: portal?.url ?? '', transport, maxConcurrency: 3 });
    const numbers = Array.from({ length: 10 }, (_, n) => n);
    const results = await Promise.all(numbers.map((n) => session!.invoke(getNumber, { n })));
    expect(results).toEqual(numbers.map((n) => ({ n })));
    expect(gate.most()).toBe(3);
    expect(portal?.requests).toHaveLength(10);
  });

  it('lets waiting calls go in arrival order', async () => {
    const gate = await startGatedPortal(1, 8);
    session = new Session({ server: portal?.url ?? '', maxConcurrency: 1 });
    const numbers = Array.from({ length: 8 }, (_, n) => n);
    await Promise.all(numbers.map((n) => session!.invoke(getNumber, { n })));
    expect(gate.order).toEqual(numbers);
    expect(gate.most()).toBe(1);
  });

  it('without a limit, sends every call at once', async () => {
    const gate = await startGatedPortal(6, 6);
    session = new Session({ server: portal?.url ?? '' });
    await Promise.all(Array.from({ length: 6 }, (_, n) => session!.invoke(getNumber, { n })));
    expect(gate.most()).toBe(6);
  });
});
