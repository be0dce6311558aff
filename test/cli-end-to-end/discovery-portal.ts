/**
 * A portal that answers discovery as Liferay does, from documents by context: `contextName=<name>` picks
 * the context (absent: the portal's own), `discover=/<service>/*` keeps only that service's actions.
 */
import {
  answer,
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
} from '../helpers/portal-server.js';
import type { RawDocument } from './documents.js';

export function serveDiscovery(documents: Readonly<Record<string, RawDocument>>): PortalHandler {
  return (request, response, incoming) => {
    const url = new URL(request.url, 'http://portal');
    const document = documents[url.searchParams.get('contextName') ?? 'portal'];
    if (url.pathname !== '/api/jsonws' || document === undefined)
      return answer(404, 'not found')(request, response, incoming);
    const service = /^\/([^/]+)\/\*$/.exec(url.searchParams.get('discover') ?? '')?.[1];
    const services =
      service === undefined
        ? document.services
        : document.services.filter((entry) => entry.path.startsWith(`/${service}/`));
    return serveJson({ ...document, services })(request, response, incoming);
  };
}

export function startDiscoveryPortal(documents: Readonly<Record<string, RawDocument>>): Promise<PortalServer> {
  return startPortalServer(serveDiscovery(documents));
}
