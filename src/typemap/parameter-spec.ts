/**
 * How each parameter goes on the wire, as the runtime's `ParameterSpec` (see src/runtime/spec.ts):
 * byte arrays and uploads are marked, object parameters carry their declared Java class for `+name`.
 */
import type { Parameter } from '../model/types.js';
import type { ParameterSpec } from '../runtime/spec.js';
import { isNamedClass, isServiceContext } from './java-to-ts.js';

export function toParameterSpec(parameter: Parameter): ParameterSpec {
  const { name, type } = parameter;
  if (type.kind === 'byteArray') return [name, 'bytes'];
  if (type.kind === 'file') return [name, 'file'];
  if (type.kind !== 'object') return name;
  if (isServiceContext(type.className)) return [name, 'context', type.className];
  // Strings-as-objects (Locale) and Object travel as plain values; every other class as "+name" and "name.key".
  return isNamedClass(type.className) ? [name, 'object', type.className] : name;
}
