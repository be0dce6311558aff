/** Validates a 6.0/6.1 document: `actions` with Java class names as types and a `response` type. */
import type { LegacyAction, LegacyDocument } from './types.js';
import {
  definedOnly,
  type JsonObject,
  mapObjects,
  mapStrings,
  optionalArray,
  optionalString,
  requireArray,
  requireObject,
  requireString,
} from './shape-check.js';
import { validateParameters } from './shared-parts.js';

export function validateLegacyDocument(value: unknown): LegacyDocument {
  const document = requireObject(value, '');
  const discover = optionalArray(document, 'discover', '');
  return {
    ...definedOnly({
      basePath: optionalString(document, 'basePath', ''),
      discover: discover && mapStrings(discover, 'discover'),
    }),
    actions: mapObjects(requireArray(document, 'actions', ''), 'actions', validateLegacyAction),
  };
}

function validateLegacyAction(action: JsonObject, at: string): LegacyAction {
  return {
    path: requireString(action, 'path', at),
    parameters: validateParameters(action, at),
    response: requireString(action, 'response', at),
    ...definedOnly({
      method: optionalString(action, 'method', at),
      serviceClass: optionalString(action, 'serviceClass', at),
      name: optionalString(action, 'name', at),
    }),
  };
}
