/**
 * Converts the given arguments the way the portal would before calling the service, failing where it fails:
 * `byte[]` as "[1,2,3]" (or "1,2,3", a JSON array, an uploaded file), whole and decimal numbers, and JDK
 * value classes (see check-values.ts). Bytes may be signed or unsigned (both carry the same bits); anything
 * outside -128..255 is refused, where a portal would silently keep the low 8 bits.
 */
import type { Action, JavaType } from '../model/types.js';
import { type CommandParameters, DEFAULT_INSTANCE, parameterTypeHint, parameterValue } from './command-parameters.js';
import { checkValueClass, checkValueWrapper } from './check-values.js';
import { conversionFault, PortalFault } from './portal-fault.js';

export function checkArguments(action: Action, parameters: CommandParameters, ignoreCase: boolean): void {
  action.parameters.forEach((parameter, position) => {
    const value = parameterValue(parameters, parameter.name, ignoreCase);
    if (value === undefined || value === null) return;
    if (value !== DEFAULT_INSTANCE) checkValue(parameter.type, parameter.name, value);
    else if (parameter.type.kind === 'value') {
      checkValueWrapper(parameter.type.className, parameterTypeHint(parameters, parameter.name, ignoreCase), position);
    }
  });
}

function checkValue(type: JavaType, name: string, value: unknown): void {
  if (type.kind === 'byteArray') checkBytes(name, value);
  else if (type.kind === 'primitive' && type.name !== 'boolean' && type.name !== 'char')
    checkNumber(type.name, name, value);
  else if (type.kind === 'value') checkValueClass(type.value, type.className, value);
}

function checkBytes(name: string, value: unknown): void {
  if (value instanceof Blob) return;
  const list = Array.isArray(value) ? (value as unknown[]) : parseList(String(value));
  list.forEach((element, index) => {
    const number = typeof element === 'string' && /^\s*[+-]?\d+\s*$/.test(element) ? Number(element) : element;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < -128 || number > 255) {
      throw conversionFault(
        `Unable to convert element ${index} (${JSON.stringify(element)}) of parameter ${name} to a byte`,
      );
    }
  });
}

/** The portal wraps a value that does not start with "[" in brackets, then reads it as JSON. */
function parseList(text: string): unknown[] {
  const trimmed = text.trim();
  const json = trimmed.startsWith('[') ? trimmed : `[${trimmed}]`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new PortalFault('java.lang.IllegalStateException', 'Unable to deserialize object');
  }
  if (!Array.isArray(parsed)) throw new PortalFault('java.lang.IllegalStateException', 'Unable to deserialize object');
  return parsed as unknown[];
}

function checkNumber(kind: string, name: string, value: unknown): void {
  if (typeof value === 'number' && Number.isFinite(value)) return;
  const whole = kind !== 'float' && kind !== 'double';
  const pattern = whole ? /^\s*[+-]?\d+\s*$/ : /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
  if (typeof value === 'string' && pattern.test(value)) return;
  throw conversionFault(`Unable to convert ${JSON.stringify(value)} of parameter ${name} to ${kind}`);
}
