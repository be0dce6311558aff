import type { LegacyDocument } from '../discovery/formats/types.js';
import type { ActionInput, ContextInput } from './context-input.js';
import { classNameOfServiceClass, splitJavaName } from './names.js';

/**
 * A 6.0/6.1 document: `actions` with Java class names and a `response` type, no models, no context field.
 * `serviceClass` and `name` are used when a portal adds them; otherwise names come from the path.
 */
export function fromLegacy(document: LegacyDocument, source: string, context: string): ContextInput {
  const actions = document.actions.map((action, index): ActionInput => {
    const named = action.name?.includes('#') === true ? splitJavaName(action.name) : { javaName: action.name };
    const javaClass = action.serviceClass === undefined ? undefined : classNameOfServiceClass(action.serviceClass);
    return {
      entry: `actions[${index}]`,
      path: action.path,
      parameters: action.parameters,
      returns: { type: action.response },
      ...(action.method === undefined ? {} : { method: action.method }),
      ...(javaClass === undefined || javaClass === '' ? {} : { javaClass }),
      ...(named.javaName === undefined || named.javaName === '' ? {} : { javaName: named.javaName }),
    };
  });
  return { name: context, source, actions, models: [] };
}
