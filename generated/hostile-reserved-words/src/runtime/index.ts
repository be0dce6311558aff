/**
 * The public runtime of a generated Liferay client: sessions, batches, authentications, errors, uploads and
 * the types of calls. Everything exported here is documented in the README's runtime reference and held by
 * the API report (api/runtime.api.md); what only generated code needs is in internal.ts. Copied verbatim
 * into every generated package; import nothing outside this folder.
 *
 * One module per concept, as Node pays for each module it loads. Uploads and `session.download` are
 * modules loaded on first use; bundlers shake off the rest of what an app does not use, such as
 * CookieAuthentication. Chains are an entry point of their own (chain.ts), loaded only by apps that chain.
 */
export type { Authentication, CookieSignInOptions } from './authentication.js';
export { BasicAuthentication, BearerAuthentication, CookieAuthentication } from './authentication.js';
export type { AutoBatchOptions } from './auto-batch.js';
export { BatchSession } from './batch.js';
export type { Bytes, UploadDataOptions, UploadSource } from './command.js';
export { ObjectWrapper, UploadData, withClassName } from './command.js';
export type { Download } from './download.js';
export type { LiferayErrorCode, LiferayErrorOptions } from './errors.js';
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
export type { Callback, CallOptions, Progress } from './invoker.js';
// Types only: chain-style methods name them; `call` and `chain` are in chain.ts (`<package>/chain`).
export type {
  Call,
  ChainMethod,
  ChainResult,
  ChainStyle,
  ElementOf,
  LooseRef,
  Nested,
  Picked,
  Ref,
  Referable,
  References,
  Statement,
} from './chain-types.js';
export type { CallStyle, ServiceMethod } from './service.js';
export type { SessionOptions } from './session.js';
export { Session } from './session.js';
export type { Upload } from './spec.js';
export type { TransportKind } from './transport.js';
