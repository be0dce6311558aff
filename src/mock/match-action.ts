/**
 * Finds the action a command calls, as JSONWebServiceActionsManagerImpl does: the path (resolved against
 * the context the URL is mounted on, an optional `.N` suffix choosing the overload with N parameters),
 * then the overload whose parameter names are all given, preferring the one that uses the most of them.
 * Misses throw the portal's own "No JSON web service action ..." fault.
 */
import type { DiscoveryFormat } from '../discovery/formats/types.js';
import type { Action } from '../model/types.js';
import { type CommandParameters, hasParameter } from './command-parameters.js';
import type { MockPortalData } from './load-portal.js';
import { noSuchAction, type PortalFault } from './portal-fault.js';

export interface ActionCall {
  /** The command's path as sent: "/blogsentry/get-entry", "/calendar.calendar/search.9". */
  readonly path: string;
  readonly parameters: CommandParameters;
  /** "null" for `/invoke` commands (the invoker passes no HTTP method), else the request's method. */
  readonly method: string;
  /** Path-style calls word the 6.2 miss differently. */
  readonly style: 'invoke' | 'path';
  /** The context of a `/<context>/api/jsonws` URL, which prefixes paths that name none. */
  readonly mount: string | undefined;
}

export function matchAction(data: MockPortalData, call: ActionCall): Action {
  const resolved = resolvePath(call.path, call.mount);
  const hinted = /^(.*\/[^/]*)\.(\d+)$/.exec(resolved);
  const lookup = hinted?.[1] ?? resolved;
  const hint = hinted?.[2] === undefined ? undefined : Number(hinted[2]);
  const ignoreCase = data.format === '7.x';
  let best: Action | undefined;
  let most = -1;
  for (const action of data.actions.get(lookup) ?? []) {
    if (hint !== undefined && action.parameters.length !== hint) continue;
    const given = action.parameters.filter((parameter) =>
      hasParameter(call.parameters, parameter.name, ignoreCase),
    ).length;
    if (given > most && (hint !== undefined || given >= action.parameters.length)) {
      best = action;
      most = given;
    }
  }
  if (best === undefined) throw missingAction(data.format, call);
  return best;
}

/** Plugin and module paths carry their context ("/calendar.calendar/..."); a mounted URL may leave it out. */
function resolvePath(path: string, mount: string | undefined): string {
  if (mount === undefined || firstSegment(path).includes('.')) return path;
  return `/${mount}.${path.slice(1)}`;
}

function firstSegment(path: string): string {
  return path.split('/')[1] ?? '';
}

/**
 * The message of the portal's miss. 7.x: "... with path <path> and method <method> for <contextName>", where a
 * portal path gives the context "null". 6.2 splits the context path off the path ("/calendar-portlet") and
 * prints it after a slash, and words path-style misses "associated with path".
 */
function missingAction(format: DiscoveryFormat, call: ActionCall): PortalFault {
  const path = resolvePath(call.path, call.mount);
  const segment = firstSegment(path);
  const dot = segment.lastIndexOf('.');
  if (format === '7.x') {
    const contextName = dot < 0 ? 'null' : segment.slice(0, dot);
    return noSuchAction(
      format,
      `No JSON web service action with path ${path} and method ${call.method} for ${contextName}`,
    );
  }
  const contextPath = dot < 0 ? '' : `/${segment.slice(0, dot)}`;
  const localPath = dot < 0 ? path : `/${path.slice(dot + 2)}`;
  const wording = call.style === 'path' ? 'associated with path' : 'with path';
  return noSuchAction(
    format,
    `No JSON web service action ${wording} ${localPath} and method ${call.method} for /${contextPath}`,
  );
}
