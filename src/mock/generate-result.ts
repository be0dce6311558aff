/**
 * The answer of one matched call, shaped by the action's return type. The call's arguments key it (same
 * arguments and seed, same answer) and are echoed into same-named properties of the objects it answers.
 */
import type { Action } from '../model/types.js';
import { type CommandParameters, DEFAULT_INSTANCE, parameterValue } from './command-parameters.js';
import { generateValue, type Generation } from './generate-value.js';

export function generateResult(
  action: Action,
  parameters: CommandParameters,
  generation: Generation,
  ignoreCase: boolean,
): unknown {
  const bindings = new Map<string, unknown>();
  const key: unknown[] = [];
  for (const parameter of action.parameters) {
    const value = parameterValue(parameters, parameter.name, ignoreCase);
    if (!isScalar(value)) continue;
    bindings.set(parameter.name, value);
    key.push([parameter.name, value]);
  }
  const owner = `${action.path}(${JSON.stringify(key)})`;
  return generateValue(
    action.returns.type,
    { owner, name: action.methodName, depth: 0, bindings, echoId: true },
    generation,
  );
}

function isScalar(value: unknown): value is string | number | boolean {
  return (
    value !== DEFAULT_INSTANCE && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
  );
}
