/**
 * `GET /api/jsonws?discover[=/<service>/*]`: the context's own document in its own format, its entries
 * filtered by the discover patterns. The context comes from `contextName` (7.x), `contextPath=/<name>` (6.2)
 * or a `/<name>/api/jsonws` mount; an unknown one answers the servlet container's 404 page.
 */
import { wildcard } from '../discovery/wildcard.js';
import type { MockContext, MockPortalData } from './load-portal.js';
import { htmlPage, type MockAnswer } from './mock-answer.js';

export interface DiscoveryRequest {
  readonly query: URLSearchParams;
  /** The context named by the URL's `/<name>/api/jsonws` prefix, if any. */
  readonly mount: string | undefined;
  /** The request URL without its query, which a portal reports as `baseURL`. */
  readonly baseUrl: string;
}

export function answerDiscovery(data: MockPortalData, request: DiscoveryRequest): MockAnswer {
  const name = requestedContext(request);
  const context = data.contexts.get(name === '' ? 'portal' : name);
  if (context === undefined) return htmlPage(404, 'Not Found', `No JSON web services context "${name}".`);
  const patterns = discoverPatterns(request.query);
  return { status: 200, json: filteredDocument(context, patterns, request.baseUrl) };
}

function requestedContext({ query, mount }: DiscoveryRequest): string {
  const contextName = query.get('contextName');
  if (contextName !== null && contextName !== '') return contextName;
  const contextPath = query.get('contextPath');
  if (contextPath !== null && contextPath.replace(/^\/+/, '') !== '') return contextPath.replace(/^\/+/, '');
  return mount ?? '';
}

/** `?discover`, `?discover=/*`, `?discover=/blogsentry/*,/user/*` (comma separated, as Liferay splits them). */
function discoverPatterns(query: URLSearchParams): string[] {
  return query
    .getAll('discover')
    .flatMap((value) => value.split(','))
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '');
}

/** The raw document with its entries filtered; a portal reports the URL it was asked on as `baseURL`. */
function filteredDocument({ document, raw }: MockContext, patterns: readonly string[], baseUrl: string): unknown {
  const matchers = patterns.map(wildcard);
  const accepts = (entry: unknown): boolean =>
    matchers.length === 0 || matchers.some((matcher) => matcher.test(String((entry as { path?: unknown }).path)));
  const entries = document.format === 'legacy' ? 'actions' : 'services';
  return {
    ...raw,
    ...('baseURL' in raw ? { baseURL: baseUrl } : {}),
    [entries]: (raw[entries] as readonly unknown[]).filter(accepts),
    ...(document.format === 'legacy' && patterns.length > 0 ? { discover: patterns } : {}),
  };
}
