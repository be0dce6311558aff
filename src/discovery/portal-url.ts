/** Parsing the portal URL option, and printing URLs without the credentials they may carry. */
import { optionsError } from './discovery-failures.js';

export type Credentials = { readonly user: string; readonly password: string } | { readonly token: string };

export interface PortalUrl {
  /** The portal base URL without userinfo, query or fragment; may carry a path prefix. */
  readonly url: URL;
  /** Credentials written in the URL as user:password@, used when none are given otherwise. */
  readonly credentials?: Credentials;
}

export function parsePortalUrl(text: string): PortalUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw optionsError(
      `Invalid portal URL ${redactUrl(text)}: expected an absolute URL such as http://localhost:8080.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw optionsError(`Invalid portal URL ${redactUrl(text)}: only http and https are supported.`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw optionsError(`Invalid portal URL ${redactUrl(text)}: it must not carry a query or fragment.`);
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return user === '' && password === '' ? { url } : { url, credentials: { user, password } };
}

/** The URL with any user:password@ removed; also works on text that does not parse as a URL. */
export function redactUrl(url: string | URL): string {
  const text = typeof url === 'string' ? url : url.href;
  try {
    const parsed = new URL(text);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return text.replace(/\/\/[^/?#]*@/, '//');
  }
}
