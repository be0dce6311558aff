import { buildAction } from './build-action.js';
import { buildModels } from './build-models.js';
import type { ContextInput } from './context-input.js';
import { ModelError } from './model-error.js';
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
    name: input.name === '' ? PORTAL_CONTEXT : input.name,
    services: services.sort((a, b) => compareText(a.id, b.id)),
    models: buildModels(input.models, input.source),
  };
}

function serviceIds(segments: Iterable<string>, document: string): ReadonlyMap<string, string> {
  try {
    return assignServiceIds(segments);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    throw new ModelError(error.code, `${document}: ${error.message}`, { cause: error, exitCode: error.exitCode });
  }
}
