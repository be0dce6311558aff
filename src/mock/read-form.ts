/**
 * The parameters of a path-style call (`/api/jsonws/blogsentry/get-entry`): the query string, the form body
 * (urlencoded, or multipart with file parts, parsed by undici) and `/name/value` pairs after the action path.
 * A repeated name gives an array of strings, a file part a File, `-name` in the path a null.
 */
import { PortalFault } from './portal-fault.js';

export type FormValue = string | string[] | File | null;

export async function readForm(
  query: URLSearchParams,
  contentType: string,
  body: Buffer,
  parameterPath: string,
): Promise<Map<string, FormValue>> {
  const fields = new Map<string, FormValue>();
  const add = (name: string, value: string | File): void => {
    const previous = fields.get(name);
    if (typeof previous === 'string' && typeof value === 'string') fields.set(name, [previous, value]);
    else if (Array.isArray(previous) && typeof value === 'string') fields.set(name, [...previous, value]);
    else fields.set(name, value);
  };
  for (const [name, value] of query) add(name, value);
  for (const [name, value] of await bodyFields(contentType, body)) add(name, value);
  for (const [name, value] of pathParameters(parameterPath)) fields.set(name, value);
  return fields;
}

async function bodyFields(contentType: string, body: Buffer): Promise<Iterable<[string, string | File]>> {
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) return new URLSearchParams(body.toString('utf8'));
  if (!/^multipart\/form-data/i.test(contentType)) return [];
  try {
    const { Response } = await import('../undici.js');
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    return [...form].map(([name, value]): [string, string | File] => [name, value]);
  } catch (error) {
    // The portal's upload filter fails first; JSONWebServiceServiceAction then answers its exception with 200.
    throw new PortalFault(
      'com.liferay.portal.kernel.upload.UploadException',
      `Unable to read the multipart request: ${String(error)}`,
      200,
    );
  }
}

/** "/entry-id/7/-url-title" → entryId = "7", urlTitle = null; "+name" names an object without a value. */
function pathParameters(parameterPath: string): [string, string | null][] {
  const parts = parameterPath.split('/').filter((part) => part !== '');
  const parameters: [string, string | null][] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = decodeURIComponent(parts[index] ?? '');
    if (part.startsWith('-')) parameters.push([camelCase(part.slice(1)), null]);
    else if (part.startsWith('+')) parameters.push([`+${camelCase(part.slice(1))}`, null]);
    else if (index + 1 < parts.length) parameters.push([camelCase(part), decodeURIComponent(parts[++index] ?? '')]);
    else throw new PortalFault('java.lang.IllegalArgumentException', `Missing value for parameter ${part}`);
  }
  return parameters;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
