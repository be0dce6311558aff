import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  Session,
  TimeoutError,
  UploadData,
  type Progress,
  type TransportKind,
} from '../../src/runtime/index.js';
import { startStreamingPortal, type Received, type StreamingPortal } from './streaming-portal.js';
import { addFileEntry, fileEntry } from './upload-portal.js';

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

let portal: StreamingPortal | undefined;
let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  await portal?.close();
  portal = session = undefined;
});

/** `size` bytes made as they are read, 64 KiB at a time: chunk n is filled with n % 251. */
async function* generated(size: number, onEnd: () => void = () => {}): AsyncGenerator<Uint8Array> {
  try {
    for (let at = 0, n = 0; at < size; at += CHUNK, n++) yield new Uint8Array(Math.min(CHUNK, size - at)).fill(n % 251);
  } finally {
    onEnd();
  }
}

function sha256Of(size: number): string {
  const hash = createHash('sha256');
  for (let at = 0, n = 0; at < size; at += CHUNK, n++)
    hash.update(new Uint8Array(Math.min(CHUNK, size - at)).fill(n % 251));
  return hash.digest('hex');
}

// Garbage is not what an upload holds: the memory is measured after a collection (gc is exposed at run time).
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heldBytes(): number {
  collectGarbage();
  return process.memoryUsage().arrayBuffers;
}

async function uploadGenerated(
  transport: TransportKind,
  size: number,
  onProgress: (event: Progress) => void,
): Promise<Received> {
  portal = await startStreamingPortal('consume');
  session = new Session({ server: portal.url, transport, timeout: 10_000 });
  const file = new UploadData(generated(size), { fileName: 'big.bin', size });
  const received = (await session.invoke(addFileEntry, { ...fileEntry, file }, { onProgress })) as Received;
  expect(received).toMatchObject({ fileBytes: size, sha256: sha256Of(size) });
  return received;
}

function expectRisingTo(events: readonly Progress[], last: Progress): void {
  expect(events.at(-1)).toEqual(last);
  for (let i = 1; i < events.length; i++) expect(events[i]?.loaded).toBeGreaterThan(events[i - 1]?.loaded ?? 0);
}

describe('a large upload', () => {
  it('streams 50 MB from a generated stream with bounded memory, reporting progress up to the total', async () => {
    const size = 50 * MB;
    const events: Progress[] = [];
    const before = heldBytes();
    const held: number[] = [];
    const received = await uploadGenerated('undici', size, (event) => {
      events.push(event);
      // Every 2 MB: what the upload holds, portal side included, stays far below the file's size.
      if (events.length % 32 === 0) held.push(heldBytes() - before);
    });
    expect(held.length).toBeGreaterThanOrEqual(24);
    expect(Math.max(...held)).toBeLessThan(20 * MB);
    expect(events.length).toBeGreaterThan(size / CHUNK);
    expectRisingTo(events, { loaded: received.bytes, total: received.bytes });
  });

  // Node's fetch holds a streamed request body in memory until it is sent (undici issue 4058): uploads go
  // through undici's request() in Node; with transport "fetch", a stream still arrives whole, progress too.
  it('streams over fetch too, with progress', async () => {
    const events: Progress[] = [];
    const received = await uploadGenerated('fetch', 4 * MB, (event) => events.push(event));
    expectRisingTo(events, { loaded: received.bytes, total: received.bytes });
  });
});

describe.each<TransportKind>(['undici', 'fetch'])('an upload over %s', (transport) => {
  it('stops mid-upload on abort, closes the file and the connection', async () => {
    portal = await startStreamingPortal('stall');
    session = new Session({ server: portal.url, transport });
    let fileClosed = false;
    const controller = new AbortController();
    const file = new UploadData(generated(1024 * MB, () => (fileClosed = true)));
    const call = session.invoke(addFileEntry, { ...fileEntry, file }, { signal: controller.signal });
    await portal.started;
    controller.abort(new Error('user cancelled'));
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error('user cancelled'));
    await portal.whenClosed();
    await expect.poll(() => fileClosed).toBe(true);
  });
});

describe('an upload that stops moving', () => {
  it('times out when the source stalls, and releases the connection', async () => {
    portal = await startStreamingPortal('consume');
    session = new Session({ server: portal.url, timeout: 300 });
    async function* stalled(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(CHUNK);
      await new Promise(() => {});
    }
    const call = session.invoke(addFileEntry, { ...fileEntry, file: stalled() });
    await expect(call).rejects.toEqual(
      new TimeoutError('no answer within 300 ms', { path: '/dlapp/add-file-entry', timeout: 300 }),
    );
    await portal.whenClosed();
  });

  it('times out when the portal stops reading, and releases the connection', async () => {
    portal = await startStreamingPortal('stall');
    session = new Session({ server: portal.url, timeout: 300 });
    const call = session.invoke(addFileEntry, { ...fileEntry, file: generated(1024 * MB) });
    await expect(call).rejects.toBeInstanceOf(TimeoutError);
    await portal.whenClosed();
  });

  it('does not time out while bytes keep moving, even past the timeout in all', async () => {
    portal = await startStreamingPortal('consume');
    // The clock is the test's: each chunk comes 300 ms (of fake time) after the last, twelve of them, 3.6 s in
    // all against a 400 ms timeout. A timeout of the whole call would fire in the second gap whatever the
    // machine's speed; an idle timeout never does.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      session = new Session({ server: portal.url, timeout: 400 });
      async function* slow(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < 12; i++) {
          await vi.advanceTimersByTimeAsync(300);
          yield new Uint8Array(1000).fill(i);
        }
      }
      const received = (await session.invoke(addFileEntry, { ...fileEntry, file: slow() })) as Received;
      expect(received.fileBytes).toBe(12_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
