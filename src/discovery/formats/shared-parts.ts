/** Validators for the parts the 6.2 and 7.x shapes share (and legacy parameters): parameters, returns, model types. */
import type { RawModelType, RawParameter, RawReturns } from './types.js';
import {
  definedOnly,
  type JsonObject,
  mapObjects,
  optionalArray,
  optionalBoolean,
  optionalString,
  requireArray,
  requireObjectField,
  requireString,
  fieldPath,
} from './shape-check.js';

export function validateParameters(parent: JsonObject, path: string): RawParameter[] {
  return mapObjects(requireArray(parent, 'parameters', path), fieldPath(path, 'parameters'), (parameter, at) => ({
    name: requireString(parameter, 'name', at),
    type: requireString(parameter, 'type', at),
    ...definedOnly({ description: optionalString(parameter, 'description', at) }),
  }));
}

export function validateReturns(parent: JsonObject, path: string): RawReturns {
  const at = fieldPath(path, 'returns');
  const returns = requireObjectField(parent, 'returns', path);
  return {
    type: requireString(returns, 'type', at),
    ...definedOnly({ description: optionalString(returns, 'description', at) }),
  };
}

export function validateModelTypes(document: JsonObject): RawModelType[] | undefined {
  const types = optionalArray(document, 'types', '');
  if (types === undefined) return undefined;
  return mapObjects(types, 'types', (model, at) => {
    const properties = optionalArray(model, 'properties', at);
    return {
      type: requireString(model, 'type', at),
      ...definedOnly({
        interface: optionalBoolean(model, 'interface', at),
        properties:
          properties &&
          mapObjects(properties, fieldPath(at, 'properties'), (property, propertyAt) => ({
            name: requireString(property, 'name', propertyAt),
            type: requireString(property, 'type', propertyAt),
          })),
      }),
    };
  });
}

/** The fields every 6.2 and 7.x service entry has, whatever it is keyed by. */
export function validateServiceEntry(service: JsonObject, at: string) {
  return {
    path: requireString(service, 'path', at),
    parameters: validateParameters(service, at),
    returns: validateReturns(service, at),
    ...definedOnly({
      description: optionalString(service, 'description', at),
      deprecated: optionalBoolean(service, 'deprecated', at),
    }),
  };
}

/** The top-level fields 6.2 and 7.x documents share, besides `services` and the context key. */
export function validateDocumentFields(document: JsonObject) {
  return definedOnly({
    basePath: optionalString(document, 'basePath', ''),
    baseURL: optionalString(document, 'baseURL', ''),
    version: optionalString(document, 'version', ''),
    types: validateModelTypes(document),
  });
}
