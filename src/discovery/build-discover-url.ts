/**
 * The discovery URL for one context: <portal>/<jsonwsPath>?discover=/<filter>/*, plus contextName (read by
 * 7.x portals) and contextPath (read by 6.2) for a plugin context.
 */
import { filterPattern } from './wildcard.js';

export interface DiscoverTarget {
  /** "api/jsonws", or "api/secure/jsonws" on 6.1 portals. */
  readonly jsonwsPath: string;
  /** A service path prefix such as "blogsentry"; undefined for every service. */
  readonly filter?: string | undefined;
  /** "portal" for the portal's own services, else a plugin context name. */
  readonly context: string;
}

export function buildDiscoverUrl(portal: URL, { jsonwsPath, filter, context }: DiscoverTarget): URL {
  const url = new URL(portal.href);
  url.pathname = `${trimSlashes(url.pathname)}/${trimSlashes(jsonwsPath)}`.replace(/^\/*/, '/');
  const pattern = encodePath(filterPattern(filter));
  const contextQuery =
    context === 'portal'
      ? ''
      : `&contextName=${encodeURIComponent(context)}&contextPath=/${encodeURIComponent(context)}`;
  url.search = `?discover=${pattern}${contextQuery}`;
  return url;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
