/**
 * Java types → TypeScript type text. Where a type appears decides what it may be: parameters accept null
 * for every object (the portal does), wrappers for object parameters and, for value classes, every form
 * the portal converts (a BigDecimal from its text, a Date from a `Date`); results are typed as the portal's
 * JSON has them, null only where Java objects may be (collections come back empty, never null, by Liferay's
 * convention); elements never are.
 */
import type { JavaType, ValueClassKind } from '../model/types.js';
import type { ClassNames } from './class-names.js';

export type TypePosition = 'parameter' | 'result' | 'element';

const NUMERIC = new Set(['byte', 'short', 'int', 'long', 'float', 'double']);
const ANY_CLASSES = new Set(['com.liferay.portal.kernel.json.JSONObject']);

/** What each value class is as a parameter (`in`) and as the portal's JSON answers it (`out`). */
const VALUE_TYPES: Readonly<Record<ValueClassKind, { readonly in: string; readonly out: string }>> = {
  // A string keeps every digit (JavaScript numbers hold 15 to 17) and goes as it is.
  decimal: { in: 'number | string', out: 'number' },
  integer: { in: 'number | string', out: 'number' },
  // The runtime sends a Date as its milliseconds, the only form the portal reads.
  date: { in: 'number | Date', out: 'number' },
  text: { in: 'string', out: 'string' },
  json: { in: 'unknown', out: 'unknown' },
};

export function isServiceContext(className: string): boolean {
  return className === 'ServiceContext' || className.endsWith('.ServiceContext');
}

/** Whether a class maps to a generated name (model interface or alias) rather than a built-in type. */
export function isNamedClass(className: string): boolean {
  return !ANY_CLASSES.has(className) && !isServiceContext(className);
}

/**
 * Whether a parameter of this class goes as `+name` and `name.key`, as the Mobile SDK sends Liferay's own
 * classes; any other class travels as its plain JSON value, which the portal converts.
 */
export function isWrappedClass(className: string): boolean {
  return className.startsWith('com.liferay.') && isNamedClass(className);
}

/**
 * The TypeScript text of `type` at `position`. Every name the text refers to (a model, an alias, a runtime
 * export such as `ObjectWrapper`) is added to `uses`, so that imports follow from the types themselves.
 */
export function mapJavaType(
  type: JavaType,
  position: TypePosition,
  classes: ClassNames,
  uses: Set<string> = new Set(),
): string {
  const input = position === 'parameter';
  const map = (current: JavaType, at: TypePosition): string => {
    const element = (inner: JavaType): string => arrayElement(map(inner, 'element'));
    switch (current.kind) {
      case 'primitive':
        return current.name === 'boolean' ? 'boolean' : NUMERIC.has(current.name) ? 'number' : 'string';
      case 'string':
        return nullable('string', at);
      case 'void':
        return at === 'result' ? 'void' : 'unknown';
      case 'byteArray':
        return at === 'parameter' ? 'Uint8Array | number[] | null' : 'number[]';
      case 'file':
        return use('Upload', uses);
      case 'array':
        return collection(`${element(current.element)}[]`, at);
      case 'list':
        return collection(current.element === null ? 'unknown[]' : `${element(current.element)}[]`, at);
      case 'map':
        return collection(`Record<string, ${current.value === null ? 'unknown' : map(current.value, 'element')}>`, at);
      case 'value':
        return mapValue(current.value, at, input);
      case 'object':
        return mapObject(current.className, at, classes, uses);
      default:
        return assertNever(current);
    }
  };
  return map(type, position);
}

/** A value class in a parameter (its elements included) accepts every form the portal converts. */
function mapValue(value: ValueClassKind, position: TypePosition, input: boolean): string {
  const text = VALUE_TYPES[value][input ? 'in' : 'out'];
  return text === 'unknown' ? text : nullable(text, position);
}

function mapObject(className: string, position: TypePosition, classes: ClassNames, uses: Set<string>): string {
  if (ANY_CLASSES.has(className)) return 'unknown';
  if (position === 'parameter') return mapObjectParameter(className, classes, uses);
  const name = isServiceContext(className)
    ? classes.serviceContext
    : (classes.modelName(className) ?? classes.aliasName(className));
  return nullable(use(name, uses), position);
}

/**
 * An object parameter: its fields, or a wrapper that names its class. A discovery document cannot tell an
 * enum from a model (a portal lists both in `types`), so a string is accepted too: an enum constant's name,
 * which the runtime sends as it is, as the portal converts it.
 */
function mapObjectParameter(className: string, classes: ClassNames, uses: Set<string>): string {
  uses.add('ObjectWrapper');
  if (isServiceContext(className)) return `${use(classes.serviceContext, uses)} | ObjectWrapper`;
  const model = classes.modelName(className);
  return `${model === undefined ? 'Record<string, unknown>' : `Partial<${use(model, uses)}>`} | string | ObjectWrapper | null`;
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
