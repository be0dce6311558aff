/**
 * A strict multipart/form-data reader for the tests' portals: it fails on any framing error (missing CRLFs,
 * a body not ending with the closing boundary), so the tests check the framing as well as the contents.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface FormPart {
  readonly name: string;
  /** Present for file parts. */
  readonly fileName: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

export function boundaryOf(headers: IncomingHttpHeaders): string {
  const match = /^multipart\/form-data; boundary=([^;]+)$/.exec(headers['content-type'] ?? '');
  if (!match?.[1]) throw new Error(`not a multipart/form-data request: ${headers['content-type']}`);
  return match[1];
}

export function parseMultipart(headers: IncomingHttpHeaders, raw: Buffer): FormPart[] {
  const delimiter = Buffer.from(`--${boundaryOf(headers)}`);
  const closing = Buffer.concat([delimiter, Buffer.from('--\r\n')]);
  if (!raw.subarray(raw.length - closing.length).equals(closing))
    throw new Error('the body does not end with the closing boundary');
  const parts: FormPart[] = [];
  let at = 0;
  for (;;) {
    if (!raw.subarray(at, at + delimiter.length).equals(delimiter)) throw new Error(`no boundary at ${at}`);
    at += delimiter.length;
    if (raw.subarray(at, at + 4).toString() === '--\r\n' && at + 4 === raw.length) return parts;
    if (raw.subarray(at, at + 2).toString() !== '\r\n') throw new Error(`no CRLF after the boundary at ${at}`);
    const headerEnd = raw.indexOf('\r\n\r\n', at);
    const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd);
    if (headerEnd < 0 || next < 0) throw new Error(`an unterminated part at ${at}`);
    parts.push(toPart(raw.subarray(at + 2, headerEnd).toString('utf8'), raw.subarray(headerEnd + 4, next)));
    at = next + 2;
  }
}

function toPart(head: string, body: Buffer): FormPart {
  const lines = head.split('\r\n');
  const disposition = lines.find((line) => line.startsWith('Content-Disposition: '));
  const match = /^Content-Disposition: form-data; name="([^"]*)"(?:; filename="([^"]*)")?$/.exec(disposition ?? '');
  if (!match) throw new Error(`a part without a form-data disposition: ${head}`);
  const contentType = lines.find((line) => line.startsWith('Content-Type: '))?.slice('Content-Type: '.length);
  if (lines.length !== (contentType === undefined ? 1 : 2)) throw new Error(`unexpected part headers: ${head}`);
  return { name: match[1] ?? '', fileName: match[2], contentType, body };
}

/** The text fields of a parsed form, in order, as `[name, value]` pairs. */
export function fieldsOf(parts: readonly FormPart[]): [string, string][] {
  return parts.filter((part) => part.fileName === undefined).map((part) => [part.name, part.body.toString('utf8')]);
}
