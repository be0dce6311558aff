/** Validates a 6.2 document: `services` keyed by `id`, the plugin context in `context`. */
import type { V62Document, V62Service } from './types.js';
import {
  definedOnly,
  type JsonObject,
  mapObjects,
  optionalString,
  requireArray,
  requireObject,
} from './shape-check.js';
import { validateDocumentFields, validateServiceEntry } from './shared-parts.js';

export function validateV62Document(value: unknown): V62Document {
  const document = requireObject(value, '');
  const context = optionalString(document, 'context', '');
  const services = mapObjects(requireArray(document, 'services', ''), 'services', validateV62Service);
  return { ...definedOnly({ context }), services, ...validateDocumentFields(document) };
}

function validateV62Service(service: JsonObject, at: string): V62Service {
  return {
    ...definedOnly({ id: optionalString(service, 'id', at), method: optionalString(service, 'method', at) }),
    ...validateServiceEntry(service, at),
  };
}
