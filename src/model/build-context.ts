import { buildAction } from './build-action.js';
import { buildModels } from './build-models.js';
import type { ContextInput } from './context-input.js';
import { ModelError, quoted } from './model-error.js';
import { assignServiceIds, serviceClassName, serviceNameOf, splitActionPath } from './names.js';
import { compareText, sortUniqueActions } from './order.js';
import type { Action, Context, Service } from './types.js';

/** The name the portal's own services get; plugin and module contexts keep theirs. */
export const PORTAL_CONTEXT = 'portal';

/** One context: actions grouped into services by first path segment, everything sorted and deduplicated. */
export function buildContext(input: ContextInput): Context {
  const bySegment = new Map<string, { actions: Action[]; javaClasses: string[] }>();
  for (const actionInput of input.actions) {
    const action = buildAction(actionInput, input.source);
    const { segment } = splitActionPath(action.path);
    const group = bySegment.get(segment) ?? { actions: [], javaClasses: [] };
    group.actions.push(action);
    if (actionInput.javaClass !== undefined) group.javaClasses.push(actionInput.javaClass);
    bySegment.set(segment, group);
  }
  const ids = serviceIds(bySegment.keys(), input.source);
  const services = [...bySegment].map(([segment, group]): Service => ({
    id: ids.get(segment) ?? segment,
    className: serviceClassName(serviceNameOf(segment), group.javaClasses),
    pathPrefix: `/${segment}`,
    actions: sortUniqueActions(group.actions),
  }));
  return {
    name: contextName(input),
    services: services.sort((a, b) => compareText(a.id, b.id)),
    models: buildModels(input.models, input.source),
  };
}

/**
 * A context's name becomes an output folder and part of an npm package name, so it must be one plain path
 * segment. Liferay's are letters, digits, ".", "-" and "_" ("calendar-portlet", "sync"); anything else
 * (such as "../../etc" from a hostile portal) is refused rather than rewritten, so folders never surprise.
 */
const CONTEXT_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/;

function contextName(input: ContextInput): string {
  const name = input.name === '' ? PORTAL_CONTEXT : input.name;
  if (CONTEXT_NAME.test(name)) return name;
  const where = input.nameField === undefined ? `${input.source}:` : `${input.source} ${input.nameField}:`;
  throw new ModelError(
    'model.invalid-context',
    `${where} invalid context name ${quoted(name)}: expected up to 100 letters, digits, ".", "-" or "_", not starting with "." or "-"`,
  );
}

function serviceIds(segments: Iterable<string>, document: string): ReadonlyMap<string, string> {
  try {
    return assignServiceIds(segments);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    throw new ModelError(error.code, `${document}: ${error.message}`, { cause: error });
  }
}
