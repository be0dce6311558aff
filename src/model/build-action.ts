import type { RawParameter } from '../discovery/formats/types.js';
import type { ActionInput } from './context-input.js';
import { atEntry } from './model-error.js';
import { methodNameOf } from './names.js';
import { parseJavaType } from './parse-java-type.js';
import type { Action, JavaType, Parameter, Provenance } from './types.js';

/** One raw action as the model's Action; errors name the document and entry ("services[12].parameters[3]"). */
export function buildAction(input: ActionInput, document: string): Action {
  const source: Provenance = { document, entry: input.entry };
  const methodName = atEntry(source, () => methodNameOf(input.path));
  const parameters = input.parameters.map((parameter, index) =>
    buildParameter(parameter, { document, entry: `${input.entry}.parameters[${index}]` }),
  );
  const returnsType = parseAt(input.returns.type, { document, entry: `${input.entry}.returns` });
  return {
    path: input.path,
    methodName,
    ...(input.javaName === undefined ? {} : { javaName: input.javaName }),
    httpMethod: httpMethodOf(input.method),
    parameters,
    returns: {
      type: returnsType,
      typeName: input.returns.type,
      ...described(input.returns.description),
    },
    ...described(input.description),
    deprecated: input.deprecated === true,
    source,
  };
}

/** Parses a type string from the document at `where`. */
export function parseAt(typeName: string, where: Provenance): JavaType {
  return atEntry(where, () => parseJavaType(typeName));
}

function buildParameter(parameter: RawParameter, where: Provenance): Parameter {
  return {
    name: parameter.name,
    type: parseAt(parameter.type, where),
    typeName: parameter.type,
    ...described(parameter.description),
  };
}

/** Upper-cased; Liferay defaults to POST when a service does not say. */
function httpMethodOf(method: string | undefined): string {
  const trimmed = method?.trim() ?? '';
  return trimmed === '' ? 'POST' : trimmed.toUpperCase();
}

/** Descriptions stay raw (Liferay writes HTML from the Javadoc); empty ones are dropped. */
function described(description: string | undefined): { description?: string } {
  return description === undefined || description.trim() === '' ? {} : { description };
}
