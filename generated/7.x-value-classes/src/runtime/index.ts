/**
 * The runtime of a generated Liferay client: consumes the `ActionSpec` constants of generated services and
 * parameter objects, produces JSON-WS `/invoke` requests (multipart ones for uploads) and typed results or
 * `LiferayError`s; downloads documents and signs in with cookies. Copied verbatim into every generated
 * package; import nothing outside this folder.
 *
 * One module per concept, as Node pays for each module it loads: errors, command, batch, session, transport,
 * authentication, service (spec and invoker hold types only). Uploads and `session.download` are modules
 * loaded on first use; bundlers shake off the rest of what an app does not use, such as CookieAuthentication.
 */
export type { Authentication, CookieSignInOptions } from './authentication.js';
export { BasicAuthentication, BearerAuthentication, CookieAuthentication } from './authentication.js';
export type { AutoBatchOptions } from './batch.js';
export { BatchSession } from './batch.js';
export type { Bytes, Command, UploadDataOptions, UploadSource } from './command.js';
export { ObjectWrapper, UploadData, withClassName } from './command.js';
export type { Download } from './download.js';
export {
  AbortError,
  AuthenticationError,
  HttpError,
  LiferayError,
  NetworkError,
  ParseError,
  RedirectError,
  ServerError,
  TimeoutError,
} from './errors.js';
export type { CallOptions, Invoker, Progress } from './invoker.js';
export type { Callback, CallStyle, ServiceClass, ServiceMethod } from './service.js';
export { defineCallbackService, defineService, invokeWithCallback } from './service.js';
export type { SessionOptions } from './session.js';
export { Session } from './session.js';
export type { ActionSpec, OverloadSpec, ParameterSpec, Upload } from './spec.js';
export type { TransportKind } from './transport.js';
