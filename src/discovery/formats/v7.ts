/** Validates a 7.x document: `services` keyed by `name`, the plugin context in `contextName`, models in `types`. */
import type { V7Document, V7Service } from './types.js';
import {
  definedOnly,
  type JsonObject,
  mapObjects,
  optionalString,
  requireArray,
  requireObject,
} from './shape-check.js';
import { validateDocumentFields, validateServiceEntry } from './shared-parts.js';

export function validateV7Document(value: unknown): V7Document {
  const document = requireObject(value, '');
  const contextName = optionalString(document, 'contextName', '');
  const services = mapObjects(requireArray(document, 'services', ''), 'services', validateV7Service);
  return { ...definedOnly({ contextName }), services, ...validateDocumentFields(document) };
}

function validateV7Service(service: JsonObject, at: string): V7Service {
  return {
    ...definedOnly({ name: optionalString(service, 'name', at), method: optionalString(service, 'method', at) }),
    ...validateServiceEntry(service, at),
  };
}
