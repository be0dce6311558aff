/**
 * The contract between generated service modules and the runtime. Generated code describes each action
 * as data (its path and, per overload, how each parameter goes on the wire); the runtime does the rest.
 * Kept tiny because one such constant is emitted per action.
 */
import type { UploadData, UploadSource } from './command.js';

/**
 * How one parameter is sent:
 * - `"name"`: as a JSON value (scalars, strings, arrays, lists, maps, value classes such as BigDecimal and
 *   classes outside Liferay's); `undefined` is sent as `null`, an `ObjectWrapper` as in "object".
 * - `["name", "bytes"]`: a Java `byte[]`, sent as the string "[1,2,3]"; empty or missing is `null`.
 * - `["name", "file"]`: an upload: the call becomes a multipart request to the action's own URL.
 * - `["name", "object", className]`: a Liferay class, sent as `"+name": className` plus `"name.key": value`
 *   per key; `null`/`undefined` is sent as `"name": null`, a string (an enum constant's name) as it is.
 * - `["name", "context", className]`: like "object", but left out entirely when not given (ServiceContext).
 * Wherever it is, a `Date` is sent as its milliseconds.
 */
export type ParameterSpec =
  | string
  | readonly [name: string, kind: 'bytes' | 'file']
  | readonly [name: string, kind: 'object' | 'context', className: string];

/**
 * One overload: its parameters in the portal's order. Generated code writes it compactly as one string of
 * space-separated `name` or `name:kind[:className]` entries (`"groupId serviceContext:context:com...ServiceContext"`),
 * and as a `ParameterSpec[]` when a name or class name cannot be written that way.
 */
export type OverloadSpec = string | readonly ParameterSpec[];

/** One JSON-WS path and its overloads. */
export type ActionSpec = readonly [path: string, overloads: readonly OverloadSpec[]];

/**
 * What a `file` parameter accepts: in-memory bytes, a Blob/File, a stream (web or Node), or an `UploadData`
 * that names it (`UploadData.fromPath` in Node). Declared here, in the contract, because generated
 * signatures name it; uploads themselves live in their own modules.
 */
export type Upload = UploadSource | UploadData;
