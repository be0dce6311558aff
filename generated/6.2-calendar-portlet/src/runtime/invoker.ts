/**
 * Calls: what each call may be given (`CallOptions`, a `Callback`), and `Invoker`, what generated services
 * call: a Session, or a BatchSession that queues commands. Types only.
 */
import type { LiferayError } from './errors.js';
import type { ActionSpec } from './spec.js';

/**
 * Per-call settings; each overrides the session's for this call only. For uploads and downloads, `timeout`
 * is the longest pause in the transfer rather than its whole length.
 */
export interface CallOptions {
  /** Aborts the call: it rejects with an AbortError and the connection is released. */
  readonly signal?: AbortSignal;
  /** Milliseconds for the whole call, including any wait for a free slot (0: none). */
  readonly timeout?: number;
  /** Extra request headers, added to the session's. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Uploads and downloads: called as bytes go out or come in. An upload that fetch sends as one Blob (Blobs
   * and bytes, outside Node) reports only its end, and for it `timeout` covers the whole upload.
   */
  readonly onProgress?: (progress: Progress) => void;
  /** Called after the session's `onRequest`, for this call's requests only (see `SessionOptions.onRequest`). */
  readonly onRequest?: RequestHook;
  /** Called after the session's `onResponse`, for this call's answers only (see `SessionOptions.onResponse`). */
  readonly onResponse?: ResponseHook;
}

/**
 * A request about to go to the portal, as `onRequest` sees it: change its headers to add some or to sign it.
 * Redirects followed (downloads) are requests too; one that leaves the portal's origin goes without any hook.
 */
export interface PortalRequest {
  /** Where it goes: the session's `/invoke`, an action's URL (uploads), a document (downloads). */
  readonly url: string;
  /** POST for calls, batches and uploads; GET for downloads and the redirects they follow. */
  readonly method: 'GET' | 'POST';
  /** What is sent, credentials included; changes made here are sent. */
  readonly headers: Record<string, string>;
  /** The JSON commands of a call or a batch; undefined for uploads (a streamed form) and downloads. */
  readonly body: string | undefined;
  /** The JSON-WS path of a single call, or the URL of a download; undefined for a batch. */
  readonly path: string | undefined;
}

/** An answer as `onResponse` sees it, before the runtime reads it. */
export interface PortalResponse {
  /** Where it came from. */
  readonly url: string;
  /** The HTTP status, redirects and errors included. */
  readonly status: number;
  /** By lower-case name; a repeated header's values joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** The answer's text, for JSON calls and uploads; undefined for downloads (streamed to the caller). */
  readonly body: string | undefined;
}

/** Sees, and may change, each request before it is sent; may be async. What it throws rejects the call. */
export type RequestHook = (request: PortalRequest) => void | Promise<void>;

/** Sees each answer before it is parsed; may be async. What it throws rejects the call. */
export type ResponseHook = (response: PortalResponse, request: PortalRequest) => void | Promise<void>;

/** How far a transfer is: bytes so far and, when known, in all (an upload counts its whole multipart body). */
export interface Progress {
  /** Bytes sent or received so far. */
  readonly loaded: number;
  /** Bytes in all, when known. */
  readonly total: number | undefined;
}

/** Receives the outcome of a callback-style call: exactly one method is called, once, asynchronously. */
export interface Callback<T> {
  /** The call's result. */
  onSuccess(result: T): void;
  /** Why the call failed: always a LiferayError. */
  onFailure(error: LiferayError): void;
}

/** What generated services call: a Session, or a BatchSession that queues commands. */
export interface Invoker {
  invoke(action: ActionSpec, parameters: object, options?: CallOptions): Promise<unknown>;
  /** Used by callback-style methods called without a callback. */
  readonly callback?: Callback<unknown> | null | undefined;
  /** Receives what a callback throws; without it, that error is rethrown as an uncaught exception. */
  readonly onCallbackError?: ((error: unknown) => void) | null | undefined;
}
