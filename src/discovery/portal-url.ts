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
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      parsed.username = '';
      parsed.password = '';
      return parsed.href;
    }
  } catch {
    // Not a URL: fall through to removing whatever looks like user:password@.
  }
  return redactAuthority(text);
}

/**
 * Removes everything up to the last "@" of the authority, with or without a scheme: "admin:secret@host"
 * parses as a URL of scheme "admin", and a user such as test@liferay.com holds an "@" itself.
 */
export function redactAuthority(text: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)([\s\S]*)$/i.exec(text);
  const [, scheme = '', authority = '', rest = ''] = match ?? [];
  const at = authority.lastIndexOf('@');
  return `${scheme}${at === -1 ? authority : authority.slice(at + 1)}${rest}`;
}

/** The credentials part of a URL's text (what redactAuthority removes), for registering as a secret. */
export function urlUserInfo(text: string): string[] {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)/i.exec(text);
  const authority = match?.[1] ?? '';
  const at = authority.lastIndexOf('@');
  if (at === -1) return [];
  const userInfo = authority.slice(0, at);
  const colon = userInfo.indexOf(':');
  const password = colon === -1 ? '' : userInfo.slice(colon + 1);
  // The password alone, decoded too, and also what follows the last ":" for users that contain "@".
  const candidates = [userInfo, password, safeDecode(password), userInfo.slice(userInfo.lastIndexOf(':') + 1)];
  return candidates.filter((candidate) => candidate.length > 0);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
