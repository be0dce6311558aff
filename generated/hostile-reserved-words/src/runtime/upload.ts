import { readAnswer } from './answer.js';
import { toCommand } from './command.js';
import { toFilePart } from './file-part.js';
import type { CallOptions } from './invoker.js';
import { isField, multipartBody, type FormPart } from './multipart-body.js';
import type { Session } from './session.js';
import type { ParameterSpec, Upload } from './spec.js';
import { httpRequest } from './transport.js';

/**
 * Sends a call that has files as the Mobile SDK does (Android HttpUtil.upload, iOS LRUploadUtil): a
 * multipart/form-data POST to the action's own URL (`<server>/api/jsonws/dlapp/add-file-entry`, as `/invoke`
 * takes no files), each other parameter a form field, each file a file part. The portal then answers with
 * the result itself, not an array of results (the SDK wraps it in one). Loaded by the session on first use.
 */
export async function upload(
  session: Session,
  path: string,
  overload: readonly ParameterSpec[],
  parameters: object,
  options: CallOptions | undefined,
): Promise<unknown> {
  const files = new Set(overload.flatMap((spec) => (typeof spec !== 'string' && spec[1] === 'file' ? [spec[0]] : [])));
  const parts: FormPart[] = [];
  // The same wire form as a JSON call (nulls, byte arrays, +name and name.key), field by field.
  for (const [name, value] of Object.entries(toCommand(path, overload, parameters)[path] ?? {})) {
    parts.push(
      files.has(name) && value !== null ? await toFilePart(name, value as Upload, path) : toField(name, value),
    );
  }
  const boundary = '----LiferaySdk' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  let loaded = 0;
  let total: number | undefined;
  // A stream can be read once only: no retry after a refresh.
  const retry = parts.every((part) => isField(part) || part.replayable);
  const contentType = 'multipart/form-data; boundary=' + boundary;
  const answer = await session.exchange(
    { url: session.jsonwsUrl + path, path, options, contentType, retry },
    async ({ url, headers, signal, touch, transport }) => {
      loaded = 0;
      const body = multipartBody(boundary, parts, (bytes) => {
        loaded += bytes;
        touch();
        options?.onProgress?.({ loaded, total });
      });
      total = body.size;
      if (total !== undefined) headers['Content-Length'] = String(total);
      const response = await httpRequest(transport, { url, method: 'POST', headers, body, signal });
      return { status: response.status, location: response.location, body: await response.text() };
    },
  );
  const [result] = readAnswer(answer, path, true);
  // fetch sends a Blob body without reporting progress: the end is reported once the portal has it all.
  if (total !== undefined && loaded < total) options?.onProgress?.({ loaded: total, total });
  // The portal answers a call that returns nothing (void, or null) with its "null JSON", `{}`.
  return isNullJson(result) ? undefined : result;
}

function isNullJson(result: unknown): boolean {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && Object.keys(result).length === 0;
}

/**
 * A wire value as a form field: text as it is, other values as their JSON text (a Date is already milliseconds).
 * Null is the portal's "-name" field (JSONWebServiceActionParameters), where the Mobile SDK's "null" text
 * would reach a String parameter as the word "null".
 */
function toField(name: string, value: unknown): [name: string, text: string] {
  if (value === null || value === undefined) return ['-' + name, ''];
  if (typeof value === 'string') return [name, value];
  const json = JSON.stringify(value);
  return [name, json.charAt(0) === '"' ? (JSON.parse(json) as string) : json];
}
