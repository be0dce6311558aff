/**
 * A value of any parsed Java type, shaped as the portal's JSON serializer writes it: numbers, strings,
 * booleans, `byte[]` as an array of signed numbers, lists and arrays of three, maps keyed by locale, JDK
 * value classes (a BigDecimal as a number, a Date as milliseconds) and objects (see generate-entity.ts).
 * Where the value goes (`Slot`) decides it, so answers are repeatable.
 */
import type { JavaType, Model, ValueClassKind } from '../model/types.js';
import { generateEntity } from './generate-entity.js';
import { byteValues, dateValue, primitiveValue, stringValue } from './scalar-values.js';
import type { ValueSource } from './value-source.js';

export interface Generation {
  readonly source: ValueSource;
  /** Models described in the documents' `types`, by class name. */
  readonly models: ReadonlyMap<string, Model>;
}

/** Where a value goes: the entity or call that owns it and the property or method name. */
export interface Slot {
  readonly owner: string;
  readonly name: string;
  readonly depth: number;
  /** Arguments of the call whose values are echoed into same-named properties of the answer's objects. */
  readonly bindings?: ReadonlyMap<string, unknown>;
  /** Whether the entity's own id may be echoed too (not for list elements, which must differ). */
  readonly echoId?: boolean;
}

/** Lists and arrays answer this many elements; nested ones stop after this depth. */
export const LIST_SIZE = 3;
const MAX_DEPTH = 3;

export function generateValue(type: JavaType, slot: Slot, generation: Generation): unknown {
  const { owner, name } = slot;
  switch (type.kind) {
    case 'primitive':
      return primitiveValue(type.name, owner, name, generation.source);
    case 'string':
      return stringValue(owner, name, generation.source);
    case 'void':
      return null;
    case 'byteArray':
      return byteValues(owner, name, generation.source);
    case 'array':
    case 'list':
      return slot.depth >= MAX_DEPTH ? [] : elements(type.element ?? { kind: 'string' }, slot, generation);
    case 'map':
      return mapValue(type.key, type.value, slot, generation);
    case 'file':
      return generateEntity('java.io.File', slot, generation);
    case 'value':
      return valueOf(type.value, type.className, slot, generation);
    case 'object':
      return objectValue(type.className, slot, generation);
  }
}

function elements(element: JavaType, slot: Slot, generation: Generation): unknown[] {
  return Array.from({ length: LIST_SIZE }, (_, index) =>
    generateValue(
      element,
      { ...slot, owner: `${slot.owner}[${index}]`, depth: slot.depth + 1, echoId: false },
      generation,
    ),
  );
}

/** Localized maps (`map<java.util.Locale,string>`, `nameMap`) answer one en_US entry; other maps none. */
function mapValue(key: JavaType | null, value: JavaType | null, slot: Slot, generation: Generation): unknown {
  const localized =
    key === null || key.kind === 'string' || (key.kind === 'value' && key.className === 'java.util.Locale');
  if (!localized || value === null || slot.depth >= MAX_DEPTH) return {};
  const name = slot.name.replace(/Map$/, '');
  return { en_US: generateValue(value, { owner: slot.owner, name, depth: slot.depth + 1 }, generation) };
}

/** JDK value classes as the portal's JSON serializer writes them: numbers, dates as milliseconds, text. */
function valueOf(value: ValueClassKind, className: string, { owner, name }: Slot, { source }: Generation): unknown {
  switch (value) {
    case 'decimal':
      return primitiveValue('double', owner, name, source);
    case 'integer':
      return primitiveValue('long', owner, name, source);
    case 'date':
      return dateValue(owner, name, source);
    case 'text':
      return className === 'java.util.Locale'
        ? 'en_US'
        : className === 'java.util.TimeZone'
          ? 'UTC'
          : stringValue(owner, name, source);
    case 'json':
      return {};
  }
}

function objectValue(className: string, slot: Slot, generation: Generation): unknown {
  switch (className) {
    case 'com.liferay.portal.kernel.json.JSONObject':
      return {};
    case 'com.liferay.portal.kernel.json.JSONArray':
      return [];
    default:
      return slot.depth > MAX_DEPTH ? null : generateEntity(className, slot, generation);
  }
}
