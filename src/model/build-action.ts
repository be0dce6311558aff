import type { RawParameter } from '../discovery/formats/types.js';
import type { ActionInput } from './context-input.js';
import { atEntry, ModelError, quoted } from './model-error.js';
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
  checkUniqueNames(parameters, { document, entry: input.entry });
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

/** Parameters travel as the keys of one object: two with one name could not both reach the portal. */
function checkUniqueNames(parameters: readonly Parameter[], action: Provenance): void {
  const first = new Map<string, number>();
  parameters.forEach((parameter, index) => {
    const earlier = first.get(parameter.name);
    if (earlier === undefined) {
      first.set(parameter.name, index);
      return;
    }
    const where = { document: action.document, entry: `${action.entry}.parameters[${index}]` };
    const message = `the parameter name ${quoted(parameter.name)} is also parameters[${earlier}]'s: the portal could not tell them apart`;
    throw ModelError.at(new ModelError('model.duplicate-parameter', message), where);
  });
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
