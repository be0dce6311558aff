/**
 * The runtime of a generated Liferay client: consumes the `ActionSpec` constants of generated services and
 * parameter objects, produces JSON-WS `/invoke` requests (multipart ones for uploads) and typed results or
 * `LiferayError`s; downloads documents and signs in with cookies. Copied verbatim into every generated
 * package; import nothing outside this folder. Uploads, `session.download` and `CookieAuthentication` live in modules
 * of their own, so apps that do not use them do not carry them.
 */
export type { Authentication } from './authentication.js';
export { BasicAuthentication, BearerAuthentication } from './authentication.js';
export type { AutoBatchOptions } from './auto-batch.js';
export { BatchSession } from './batch.js';
export type { Callback } from './callback.js';
export { invokeWithCallback } from './callback.js';
export type { Bytes, Command } from './command.js';
export { CookieAuthentication } from './cookie-authentication.js';
export type { CookieSignInOptions } from './cookie-sign-in.js';
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
export { ObjectWrapper, withClassName } from './object-wrapper.js';
export type { SessionOptions } from './session.js';
export { Session } from './session.js';
export type { CallStyle, ServiceClass, ServiceMethod } from './service.js';
export { defineCallbackService, defineService } from './service.js';
export type { ActionSpec, OverloadSpec, ParameterSpec, Upload } from './spec.js';
export type { TransportKind } from './transport.js';
export type { UploadDataOptions, UploadSource } from './upload-data.js';
export { UploadData } from './upload-data.js';
