/**
 * Commands: how a call's parameters become the JSON-WS command the portal reads. The overload is picked
 * from the keys passed (`chooseOverload`), then each parameter takes its wire form (`toCommand`). Also the two
 * wrappers a caller may put around a parameter's value, as in the Mobile SDK: `ObjectWrapper` (an object
 * parameter's Java class) and `UploadData` (a file's name, type and size).
 */
import { LiferayError } from './errors.js';
import type { ActionSpec, ParameterSpec } from './spec.js';

const decoded = new WeakMap<ActionSpec, readonly (readonly ParameterSpec[])[]>();

/** An action's overloads as parameter lists, the compact string form decoded once per action. */
function overloadsOf(action: ActionSpec): readonly (readonly ParameterSpec[])[] {
  let overloads = decoded.get(action);
  if (!overloads) {
    overloads = action[1].map((overload) =>
      typeof overload !== 'string' ? overload : overload ? overload.split(' ').map(decodeParameter) : [],
    );
    decoded.set(action, overloads);
  }
  return overloads;
}

function decodeParameter(entry: string): ParameterSpec {
  const [name, kind, className] = entry.split(':') as [string, ('bytes' | 'file')?, string?];
  // TypeScript 7 needs the assertion to pick the three-element form; typescript-eslint's TypeScript 5.9 does not.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return !kind ? name : className ? [name, kind as 'object', className] : [name, kind];
}

/** The parameter name of a spec entry. */
export function parameterName(spec: ParameterSpec): string {
  return typeof spec === 'string' ? spec : spec[0];
}

/** What a parameter is besides its name: 'bytes', 'file', 'object' or 'context'; undefined for a plain value. */
function kindOf(spec: ParameterSpec): string | undefined {
  return typeof spec === 'string' ? undefined : spec[1];
}

/** Whether a call of this overload is an upload: it has a file parameter. */
export function takesFile(overload: readonly ParameterSpec[]): boolean {
  return overload.some((spec) => kindOf(spec) === 'file');
}

/**
 * Picks the overload the caller meant from the keys it passed: the one whose names equal those keys (a
 * ServiceContext left out does not count), else the smallest one holding every key; the rest go as null.
 * The portal picks by names too, so this mirrors what it would accept. Parameters that are not an object
 * (JavaScript callers have no compiler to stop them) are refused here, before anything is sent.
 */
export function chooseOverload(action: ActionSpec, parameters: unknown): readonly ParameterSpec[] {
  const path = action[0];
  const code = 'LIFERAY_INVALID_PARAMETERS';
  if (typeof parameters !== 'object' || !parameters || Array.isArray(parameters)) {
    const given = Array.isArray(parameters) ? 'an array' : parameters === null ? 'null' : typeof parameters;
    throw new LiferayError('takes an object of named parameters, not ' + given, { path, code });
  }
  const keys = Object.keys(parameters);
  let best: readonly ParameterSpec[] | undefined;
  let bestExact = false;
  const overloads = overloadsOf(action);
  for (const overload of overloads) {
    if (!keys.every((key) => overload.some((spec) => parameterName(spec) === key))) continue;
    // Exact: every parameter was passed, except perhaps an omittable ServiceContext.
    const exact = overload.every((spec) => kindOf(spec) === 'context' || keys.includes(parameterName(spec)));
    if (!best || (exact !== bestExact ? exact : overload.length < best.length)) {
      best = overload;
      bestExact = exact;
    }
  }
  if (best) return best;
  const available = overloads.map((overload) => '(' + overload.map(parameterName).join(', ') + ')').join(' | ');
  throw new LiferayError('no overload takes the parameters {' + keys.join(', ') + '}; available: ' + available, {
    path,
    code,
  });
}

/** One JSON-WS command as the portal's `/invoke` reads it: `{"<path>": {parameters}}`. */
export type Command = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** A Java `byte[]`: signed bytes, or unsigned ones that are sent as their signed equivalent. */
export type Bytes = Uint8Array | Int8Array | readonly number[];

/**
 * Builds the wire form of a call, as Liferay's Mobile SDK does: every parameter of the overload in its order,
 * `undefined` as null, byte arrays as a "[1,2]" string, Liferay objects flattened to `+name` and `name.key`.
 * A Date anywhere in a value goes as its milliseconds, the only form from which the portal makes a Date.
 * Files stay as they are: a call with a file is an upload, which the session sends as a multipart request.
 */
export function toCommand(path: string, overload: readonly ParameterSpec[], parameters: object): Command {
  const given = parameters as Record<string, unknown>;
  const wire: Record<string, unknown> = {};
  for (const spec of overload) {
    const [name, kind, className] = typeof spec === 'string' ? [spec] : spec;
    const value = given[name];
    if (kind === 'bytes') wire[name] = toByteString(value as Bytes | null | undefined);
    // Kept as given: only the upload module builds commands with files, and sends them as file parts.
    else if (kind === 'file') wire[name] = value ?? null;
    else if (value == null) {
      // A ServiceContext left out is left out: the portal then builds a default one.
      if (kind !== 'context') wire[name] = null;
    }
    // Liferay's classes, and any ObjectWrapper, as "+name" and "name.key"; an enum constant's name given for a
    // class, and every other value, as it is: the portal converts it.
    else if (typeof value === 'object' && (kind || value instanceof ObjectWrapper))
      addObject(wire, name, className, value);
    else wire[name] = withMilliseconds(value);
  }
  return { [path]: wire };
}

function toByteString(value: Bytes | null | undefined): string | null {
  if (!value || !value.length) return null;
  // Java bytes are signed: view unsigned bytes as signed ones rather than copy them.
  const signed = value instanceof Uint8Array ? new Int8Array(value.buffer, value.byteOffset, value.length) : value;
  return '[' + signed.join(',') + ']';
}

function addObject(wire: Record<string, unknown>, name: string, className: string | undefined, value: object): void {
  const wrapper = value instanceof ObjectWrapper;
  const fields = (wrapper ? value.fields : value) as Record<string, unknown>;
  wire['+' + name] = wrapper ? value.className : className;
  for (const key of Object.keys(fields)) wire[name + '.' + key] = withMilliseconds(fields[key]);
}

/**
 * `value` with every Date in it (in arrays and plain objects, at any depth) replaced by its milliseconds, in a
 * copy. Other objects (typed arrays, class instances) go as JSON has them.
 */
function withMilliseconds(value: unknown, depth = 0): unknown {
  if (value instanceof Date) return +value;
  // Past some depth a value is cyclic or absurd: JSON.stringify reports it.
  if (depth > 63) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => withMilliseconds(item, depth + 1));
  if ((value as object | null)?.constructor !== Object) return value;
  return Object.fromEntries(
    Object.entries(value as object).map(([key, item]) => [key, withMilliseconds(item, depth + 1)]),
  );
}

/**
 * An object parameter whose Java class is chosen by the caller rather than by the declaration, for abstract
 * or interface types such as `OrderByComparator`: the portal instantiates `className` and sets `fields` on it.
 */
export class ObjectWrapper {
  // Makes the class nominal, so a model with `className` and `fields` keys is never mistaken for a wrapper.
  declare private readonly objectWrapper: never;
  /** The Java class the portal instantiates, e.g. `com.liferay.portal.kernel.util.OrderByComparator` subclass. */
  readonly className: string;
  /** Set on the instance: sent as `name.key` parameters. */
  readonly fields: object;

  constructor(className: string, fields: object) {
    this.className = className;
    this.fields = fields;
  }
}

/** Sends `fields` as an instance of `className` (`"+name": className`, `"name.key": value`). */
export function withClassName(className: string, fields: object = {}): ObjectWrapper {
  return new ObjectWrapper(className, fields);
}

/** Bytes to upload: in memory, a Blob/File, a web stream, or any async iterable such as a Node stream. */
export type UploadSource = Blob | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** How an upload is named and sized; each is optional. */
export interface UploadDataOptions {
  /** The file name the portal receives (default: a File's name, the path's last segment, else the parameter's name). */
  readonly fileName?: string;
  /** Its content type (default: a Blob's type, else application/octet-stream). */
  readonly mimeType?: string;
  /** A stream's size in bytes: lets undici send a Content-Length (fetch sends streams chunked). Blobs, bytes and files know theirs. */
  readonly size?: number;
}

/**
 * A file to upload with its name and content type, like the Mobile SDK's UploadData. Blobs, bytes and streams
 * may also be passed to a `file` parameter as they are; wrap them to name them, or to give a stream's size.
 * A stream can be sent only once: when the portal refuses the credentials, an upload from a stream is not
 * retried after a refresh, while one from bytes, a Blob or a path is.
 */
export class UploadData {
  /** What is sent; undefined for a file read from `path`. */
  readonly source: UploadSource | undefined;
  /** Node: the file read (as a stream, never whole) each time the upload is sent. */
  readonly path: string | undefined;
  /** See UploadDataOptions. */
  readonly fileName: string | undefined;
  /** See UploadDataOptions. */
  readonly mimeType: string | undefined;
  /** See UploadDataOptions. */
  readonly size: number | undefined;

  /** `new UploadData(source, options)`, or `new UploadData({ path })` for a file in Node. */
  constructor(source: UploadSource | { readonly path: string }, options: UploadDataOptions = {}) {
    const path = isPath(source) ? source.path : undefined;
    this.source = isPath(source) ? undefined : source;
    this.path = path;
    this.fileName = options.fileName ?? path?.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    this.mimeType = options.mimeType;
    this.size = options.size;
  }

  /** A file on disk, in Node: its size comes from the file system when sent, so the request has a Content-Length. */
  static fromPath(path: string, options: Omit<UploadDataOptions, 'size'> = {}): UploadData {
    return new UploadData({ path }, options);
  }
}

// A Node file stream has a `path` too, but it is a stream: send what it yields.
function isPath(source: UploadSource | { readonly path: string }): source is { readonly path: string } {
  return typeof (source as { path?: unknown }).path === 'string' && !(Symbol.asyncIterator in source);
}
