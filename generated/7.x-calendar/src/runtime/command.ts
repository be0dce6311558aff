import { ObjectWrapper } from './object-wrapper.js';
import type { ParameterSpec } from './spec.js';

/** One JSON-WS command as the portal's `/invoke` reads it: `{"<path>": {parameters}}`. */
export type Command = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** A Java `byte[]`: signed bytes, or unsigned ones that are sent as their signed equivalent. */
export type Bytes = Uint8Array | Int8Array | readonly number[];

/**
 * Builds the wire form of a call, as Liferay's Mobile SDK does: every parameter of the overload in its order,
 * `undefined` as null, byte arrays as a "[1,2]" string, object parameters flattened to `+name` and `name.key`.
 * Files stay as they are: a call with a file is an upload, which the session sends as a multipart request.
 */
export function toCommand(path: string, overload: readonly ParameterSpec[], parameters: object): Command {
  const given = parameters as Record<string, unknown>;
  const wire: Record<string, unknown> = {};
  for (const spec of overload) {
    if (typeof spec === 'string') {
      wire[spec] = given[spec] ?? null;
      continue;
    }
    const [name, kind, className] = spec;
    const value = given[name];
    if (kind === 'bytes') wire[name] = toByteString(value as Bytes | null | undefined);
    // Kept as given: only the upload module builds commands with files, and sends them as file parts.
    else if (kind === 'file') wire[name] = value ?? null;
    else if (value != null) addObject(wire, name, className, value);
    // A ServiceContext left out is left out: the portal then builds a default one.
    else if (kind === 'object') wire[name] = null;
  }
  return { [path]: wire };
}

function toByteString(value: Bytes | null | undefined): string | null {
  if (!value || !value.length) return null;
  // Java bytes are signed: view unsigned bytes as signed ones rather than copy them.
  const signed = value instanceof Uint8Array ? new Int8Array(value.buffer, value.byteOffset, value.length) : value;
  return '[' + signed.join(',') + ']';
}

function addObject(wire: Record<string, unknown>, name: string, className: string | undefined, value: unknown): void {
  const wrapper = value instanceof ObjectWrapper;
  const fields = (wrapper ? value.fields : value) as Record<string, unknown>;
  wire['+' + name] = wrapper ? value.className : className;
  for (const key of Object.keys(fields)) wire[name + '.' + key] = fields[key];
}
