/**
 * An object answer: a model described in `types` gets every property; any other class gets a small
 * plausible object (`<simpleName>Id`, companyId, groupId, name). Its id comes from the call's argument of
 * that name when there is one (getEntry({entryId: 7}) answers entry 7), else from where it goes; its other
 * properties depend only on its class and id, so one entity looks the same in every answer. Arguments named
 * like a property are echoed into it (get-group-entries for group 1084 answers entries of group 1084).
 */
import type { JavaType, ModelProperty } from '../model/types.js';
import { generateValue, type Generation, type Slot } from './generate-value.js';

export function generateEntity(className: string, slot: Slot, generation: Generation): Record<string, unknown> {
  const simpleName = className.slice(className.lastIndexOf('.') + 1);
  const properties = generation.models.get(className)?.properties ?? undescribedProperties(simpleName);
  const key = primaryKeyOf(simpleName, properties);
  const givenId =
    key === undefined || slot.echoId === false ? undefined : echoValue(key.type, slot.bindings?.get(key.name));
  const id = givenId ?? generation.source.int(10_001, 99_999, 'entity', className, slot.owner);
  const owner = `${className}#${typeof id === 'string' ? id : JSON.stringify(id)}`;
  const entity: Record<string, unknown> = {};
  for (const property of properties) {
    if (property === key) {
      entity[property.name] = id;
      continue;
    }
    const echoed = echoValue(property.type, slot.bindings?.get(property.name));
    entity[property.name] =
      echoed ?? generateValue(property.type, { owner, name: property.name, depth: slot.depth + 1 }, generation);
  }
  return entity;
}

function undescribedProperties(simpleName: string): ModelProperty[] {
  const long: JavaType = { kind: 'primitive', name: 'long' };
  return [
    { name: `${lowerFirst(simpleName)}Id`, type: long, typeName: 'long' },
    { name: 'companyId', type: long, typeName: 'long' },
    { name: 'groupId', type: long, typeName: 'long' },
    { name: 'name', type: { kind: 'string' }, typeName: 'string' },
  ];
}

/**
 * The id property: `<simpleName>Id`, else the longest `<suffix>Id` whose suffix ends the class name
 * (BlogsEntry → entryId, DLFileEntry → fileEntryId), else the first numeric `...Id`.
 */
function primaryKeyOf(simpleName: string, properties: readonly ModelProperty[]): ModelProperty | undefined {
  const ids = properties.filter((property) => property.name.endsWith('Id') && isWholeNumber(property.type));
  const exact = ids.find((property) => property.name === `${lowerFirst(simpleName)}Id`);
  if (exact !== undefined) return exact;
  const suffixed = ids
    .filter((property) => simpleName.endsWith(upperFirst(property.name.slice(0, -2))))
    .sort((a, b) => b.name.length - a.name.length);
  return suffixed[0] ?? ids[0];
}

/** An argument as the property's type, when it converts (numbers from numeric strings, as form fields send them). */
function echoValue(type: JavaType, value: unknown): unknown {
  if (value === undefined || value === null || typeof value === 'symbol') return undefined;
  if (type.kind === 'string') return typeof value === 'string' ? value : undefined;
  if (type.kind !== 'primitive') return undefined;
  if (type.name === 'boolean')
    return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) return undefined;
  return isWholeNumber(type) && !Number.isInteger(number) ? undefined : number;
}

function isWholeNumber(type: JavaType): boolean {
  return type.kind === 'primitive' && ['byte', 'short', 'int', 'long'].includes(type.name);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
