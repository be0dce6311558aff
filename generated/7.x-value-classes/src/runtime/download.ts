import { readAnswer } from './answer.js';
import { AbortError, NetworkError, TimeoutError } from './errors.js';
import type { CallOptions } from './invoker.js';
import { resolveUrl, type RedirectPolicy } from './redirect.js';
import type { Session } from './session.js';
import { httpRequest, type HttpResponse } from './transport.js';

/** A document being downloaded: its headers are in, its body streams as it is read. */
export interface Download {
  /** Where it came from, after redirects. */
  readonly url: string;
  /** The HTTP status, in 2xx (others reject). */
  readonly status: number;
  /** By lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** The Content-Type header, when sent. */
  readonly contentType: string | undefined;
  /** From Content-Length, when the portal sent one. */
  readonly size: number | undefined;
  /**
   * The body, to read once: iterate it, pipe it (`Readable.fromWeb(body).pipe(file)` in Node), or `cancel()`
   * it; a body left unread keeps its connection. Errors with the call's AbortError or TimeoutError.
   */
  readonly body: ReadableStream<Uint8Array>;
  /** The whole body in memory, for small documents. */
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The whole body as UTF-8 text. */
  text(): Promise<string>;
}

/**
 * Up to 5 redirects are followed (the last one becomes a RedirectError), to another origin too but with
 * nothing of the session's; one to the sign-in page goes back to the session, which may sign in again.
 */
const DOWNLOAD: RedirectPolicy = { follow: 5, leaveOrigin: true, stopAtSignIn: true };

/**
 * Downloads a document of the session's portal (`/documents/20143/0/file.pdf/uuid`, relative to the server,
 * or an absolute URL) with the session's credentials, streaming it. Redirects are followed, but credentials
 * never leave the portal: once redirected to another origin (a CDN), nothing of the session's is sent, no
 * headers at all. Answers outside 2xx reject with the session's errors. `timeout` is the longest pause while
 * waiting for the answer or a chunk; `onProgress` counts the body. A function rather than a Session method,
 * so that apps that never download do not carry it.
 */
export async function download(session: Session, url: string, options?: CallOptions): Promise<Download> {
  let final = resolveUrl(session.server + '/', url);
  const request = { url: final, path: url, options, redirects: DOWNLOAD };
  const response = await session.exchange(request, ({ url: at, headers, signal, transport }) => {
    final = at;
    return httpRequest(transport, { url: at, method: 'GET', headers, signal });
  });
  const { status, location, headers } = response;
  if (status < 200 || status > 299) readAnswer({ status, location, body: await response.text() }, url);
  const length = headers['content-length'];
  const size = length ? Number(length) : undefined;
  const body = bodyStream(response, url, options?.timeout ?? session.timeout, size, options);
  const bytes = (): Promise<Uint8Array> => readAll(body);
  return {
    url: final,
    status,
    headers,
    contentType: headers['content-type'],
    size,
    body,
    arrayBuffer: async () => (await bytes()).buffer as ArrayBuffer,
    text: async () => new TextDecoder().decode(await bytes()),
  };
}

/** The body as a web stream, read on demand, failing as the call would on abort or on a pause too long. */
function bodyStream(
  response: HttpResponse,
  url: string,
  idle: number,
  total: number | undefined,
  options?: CallOptions,
): ReadableStream<Uint8Array> {
  const signal = options?.signal;
  let loaded = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop: ((error: Error) => void) | undefined;
  const onAbort = (): void => stop?.(new AbortError('aborted', { path: url, cause: signal?.reason }));
  const end = (): void => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    stop = undefined;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        stop = (error) => {
          end();
          response.cancel();
          controller.error(error);
        };
        if (signal?.aborted) onAbort();
        signal?.addEventListener('abort', onAbort);
      },
      async pull(controller) {
        if (idle > 0 && idle < 2 ** 31) {
          timer = setTimeout(
            () => stop?.(new TimeoutError('no answer within ' + idle + ' ms', { path: url, timeout: idle })),
            idle,
          );
        }
        let chunk: Uint8Array | undefined;
        try {
          chunk = await response.read();
        } catch (cause) {
          return stop?.(new NetworkError('network failure', { path: url, cause }));
        }
        clearTimeout(timer);
        // Aborted or timed out while reading: the stream has its error already.
        if (!stop) return;
        if (!chunk) {
          end();
          return controller.close();
        }
        loaded += chunk.length;
        options?.onProgress?.({ loaded, total });
        controller.enqueue(chunk);
      },
      cancel() {
        end();
        response.cancel();
      },
    },
    // Read only when the reader asks: the idle clock measures the network, not a slow reader.
    { highWaterMark: 0 },
  );
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    size += next.value.length;
  }
  const all = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    all.set(chunk, size);
    size += chunk.length;
  }
  return all;
}
