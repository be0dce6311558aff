/**
 * Java types → TypeScript type text. Where a type appears decides what it may be: parameters accept null
 * for every object (the portal does) and wrappers for object parameters; results are null only where Java
 * objects may be (collections come back empty, never null, by Liferay's convention); elements never are.
 */
import type { JavaType } from '../model/types.js';
import type { ClassNames } from './class-names.js';

export type TypePosition = 'parameter' | 'result' | 'element';

const NUMERIC = new Set(['byte', 'short', 'int', 'long', 'float', 'double']);
const STRING_CLASSES = new Set(['java.util.Locale', 'java.util.TimeZone', 'java.lang.Character', 'java.lang.CharSequence']);
const ANY_CLASSES = new Set(['java.lang.Object', 'java.io.Serializable', 'com.liferay.portal.kernel.json.JSONObject']);

export function isServiceContext(className: string): boolean {
  return className === 'ServiceContext' || className.endsWith('.ServiceContext');
}

/** Whether a class maps to a generated name (model interface or alias) rather than a built-in type. */
export function isNamedClass(className: string): boolean {
  return !STRING_CLASSES.has(className) && !ANY_CLASSES.has(className) && !isServiceContext(className);
}

/**
 * The TypeScript text of `type` at `position`. Every name the text refers to (a model, an alias, a runtime
 * export such as `ObjectWrapper`) is added to `uses`, so that imports follow from the types themselves.
 */
export function mapJavaType(type: JavaType, position: TypePosition, classes: ClassNames, uses: Set<string> = new Set()): string {
  const inner = (element: JavaType, at: TypePosition): string => mapJavaType(element, at, classes, uses);
  switch (type.kind) {
    case 'primitive':
      return type.name === 'boolean' ? 'boolean' : NUMERIC.has(type.name) ? 'number' : 'string';
    case 'string':
      return nullable('string', position);
    case 'void':
      return position === 'result' ? 'void' : 'unknown';
    case 'byteArray':
      return position === 'parameter' ? 'Uint8Array | number[] | null' : 'number[]';
    case 'file':
      return use('Upload', uses);
    case 'array':
      return collection(`${arrayElement(inner(type.element, 'element'))}[]`, position);
    case 'list':
      return collection(type.element === null ? 'unknown[]' : `${arrayElement(inner(type.element, 'element'))}[]`, position);
    case 'map':
      return collection(`Record<string, ${type.value === null ? 'unknown' : inner(type.value, 'element')}>`, position);
    case 'object':
      return mapObject(type.className, position, classes, uses);
    default:
      return assertNever(type);
  }
}

function mapObject(className: string, position: TypePosition, classes: ClassNames, uses: Set<string>): string {
  if (STRING_CLASSES.has(className)) return nullable('string', position);
  if (ANY_CLASSES.has(className)) return 'unknown';
  if (position === 'parameter') {
    uses.add('ObjectWrapper');
    if (isServiceContext(className)) return `${use(classes.serviceContext, uses)} | ObjectWrapper`;
    const model = classes.modelName(className);
    return `${model === undefined ? 'Record<string, unknown>' : `Partial<${use(model, uses)}>`} | ObjectWrapper | null`;
  }
  const name = isServiceContext(className) ? classes.serviceContext : (classes.modelName(className) ?? classes.aliasName(className));
  return nullable(use(name, uses), position);
}

function use(name: string, uses: Set<string>): string {
  uses.add(name);
  return name;
}

function nullable(text: string, position: TypePosition): string {
  return position === 'element' ? text : `${text} | null`;
}

function collection(text: string, position: TypePosition): string {
  return position === 'parameter' ? `${text} | null` : text;
}

function arrayElement(text: string): string {
  return /\s[|&]\s/.test(text) ? `(${text})` : text;
}

function assertNever(value: never): never {
  throw new Error(`unhandled Java type ${JSON.stringify(value)}`);
}
