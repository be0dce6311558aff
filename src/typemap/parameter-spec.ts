/**
 * How each parameter goes on the wire, as the runtime's `ParameterSpec` (see src/runtime/spec.ts):
 * byte arrays and uploads are marked, Liferay's classes carry their declared Java class for `+name`.
 */
import type { Parameter } from '../model/types.js';
import type { OverloadSpec, ParameterSpec } from '../runtime/spec.js';
import { isServiceContext, isWrappedClass } from './java-to-ts.js';

export function toParameterSpec(parameter: Parameter): ParameterSpec {
  const { name, type } = parameter;
  if (type.kind === 'byteArray') return [name, 'bytes'];
  if (type.kind === 'file') return [name, 'file'];
  // Value classes (BigDecimal, Date, Locale) travel as plain values, which the portal converts.
  if (type.kind !== 'object') return name;
  if (isServiceContext(type.className)) return [name, 'context', type.className];
  // As the Mobile SDK: Liferay's classes as "+name" and "name.key", any other class as its plain JSON value.
  return isWrappedClass(type.className) ? [name, 'object', type.className] : name;
}

/** Names and class names that the compact form can carry: no separator, not empty. */
const COMPACT_PART = /^[^\s:]+$/;

/**
 * An overload in the runtime's compact string form (see `OverloadSpec`) when every name allows it, else
 * as the list itself: a hostile document's names never change what the runtime decodes.
 */
export function toOverloadSpec(parameters: readonly ParameterSpec[]): OverloadSpec {
  const entries = parameters.map((spec) => (typeof spec === 'string' ? [spec] : [...spec]));
  if (!entries.every((parts) => parts.every((part) => COMPACT_PART.test(part)))) return parameters;
  return entries.map((parts) => parts.join(':')).join(' ');
}
