/**
 * TypeScript-safe identifiers from names a discovery document gives. Liferay's own names (service ids,
 * class names, method names) are decided in `model/`; here they become identifiers that are valid, never
 * reserved, never shadow what generated code uses, and unique where they share a scope.
 * Deterministic: the same inputs in the same order always give the same identifiers.
 */

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with implements interface let package private protected public static yield await async of ' +
    'any boolean number string symbol unknown never object bigint undefined type as from declare keyof ' +
    'readonly infer is asserts module namespace require global arguments eval'
  ).split(' '),
);

/** Global names that generated files use; a model or class with such a name would shadow them. */
const GLOBAL_NAMES = new Set(
  (
    'Array ArrayBuffer AsyncIterable Blob Boolean Date Error Function Iterable JSON Map Math Number Object ' +
    'Partial Promise ReadableStream Readonly Record RegExp Set String Symbol Uint8Array globalThis'
  ).split(' '),
);

/**
 * Property names that change how an object behaves: a method with such a name would break the class. Every
 * name Object.prototype has is one (TypeScript also types `actions.toLocaleString` as Object's, not as the
 * action's), and so are `then` (a thenable service), `prototype` and `toJSON`.
 */
const UNSAFE_MEMBERS = new Set(
  (
    'constructor __defineGetter__ __defineSetter__ hasOwnProperty __lookupGetter__ __lookupSetter__ isPrototypeOf ' +
    'propertyIsEnumerable toString valueOf __proto__ toLocaleString then prototype toJSON'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether `text` can be written as a bare identifier (ASCII only: generated code stays plain). */
export function isSafeIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED_WORDS.has(text);
}

const IDENTIFIER_CHARS = /^[A-Za-z0-9_]+$/;

/** Letters, digits and `_` only; a leading digit gets `_`; never empty. */
function toIdentifierChars(text: string): string {
  // Most names are identifier characters already: then there is one word, itself, and nothing to normalise.
  if (IDENTIFIER_CHARS.test(text)) return /^[0-9]/.test(text) ? `_${text}` : text;
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9_]+/)
    .filter((word) => word.length > 0);
  const joined = words
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
  const base = joined.length === 0 ? '_' : joined;
  return /^[0-9]/.test(base) ? `_${base}` : base;
}

/** Identifier characters with the first letter capitalised: a word to build a longer identifier from. */
export function toPascalCase(text: string): string {
  const chars = toIdentifierChars(text);
  return chars.charAt(0).toUpperCase() + chars.slice(1);
}

/** A PascalCase type or class identifier that is not reserved and shadows no global. */
export function toTypeIdentifier(text: string): string {
  const pascal = toPascalCase(text);
  return RESERVED_WORDS.has(pascal) || GLOBAL_NAMES.has(pascal) ? `${pascal}Model` : pascal;
}

/** A camelCase member identifier that does not change an object's behaviour. */
export function toMemberIdentifier(text: string): string {
  const chars = toIdentifierChars(text);
  const camel = /^_/.test(chars) ? chars : chars.charAt(0).toLowerCase() + chars.slice(1);
  return UNSAFE_MEMBERS.has(camel) || RESERVED_WORDS.has(camel) ? `${camel}_` : camel;
}

/** Longest file name stem: with `.d.ts` and a uniqueness suffix it stays far below the 255 bytes file systems allow. */
const MAX_FILE_NAME = 100;
/** Names Windows reserves for devices, whatever the extension: `con.ts` cannot be written there. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * A file name without extension: lower-case letters, digits and `-` only, so paths stay inside the output;
 * short enough for every file system and never a Windows device name.
 */
export function toFileName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_FILE_NAME)
    .replace(/^-+|-+$/g, '');
  if (name.length === 0) return 'service';
  return DEVICE_NAMES.test(name) ? `${name}-service` : name;
}

/** A property key: bare when it is a safe identifier, otherwise a JSON string literal. */
export function toPropertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/**
 * Names that several scopes reserve, lower-cased once: every service module reserves the same few hundred
 * (the runtime's, the classes', the models'), and lower-casing them again for each of 230 services was a
 * tenth of the typemap stage.
 */
export class ReservedNames {
  readonly lowerCased: ReadonlySet<string>;

  constructor(names: Iterable<string>) {
    this.lowerCased = new Set(Array.from(names, (name) => name.toLowerCase()));
  }
}

/**
 * Hands out names that are unique in one scope, comparing without case (files on case-insensitive
 * disks, and readers, must not confuse `Entry` and `entry`). A taken name gets `2`, `3`, ... appended.
 */
export class NameScope {
  readonly #taken = new Set<string>();
  /** Names taken before any claim, lower-cased; shared by the scopes made from one `ReservedNames`. */
  readonly #reserved: ReadonlySet<string>;
  /** Per wanted name (lower-cased), the suffix to try next: suffixes below it are all taken, and stay so. */
  readonly #nextSuffix = new Map<string, number>();

  constructor(reserved: Iterable<string> | ReservedNames = []) {
    this.#reserved = reserved instanceof ReservedNames ? reserved.lowerCased : new ReservedNames(reserved).lowerCased;
  }

  /** Linear in the names claimed, even when a hostile document repeats one name thousands of times. */
  claim(wanted: string): string {
    const key = wanted.toLowerCase();
    let name = wanted;
    let suffix = this.#nextSuffix.get(key) ?? 2;
    if (this.#isTaken(key)) {
      for (name = `${wanted}${suffix}`; this.#isTaken(name.toLowerCase()); name = `${wanted}${suffix}`) suffix += 1;
      this.#nextSuffix.set(key, suffix + 1);
    }
    this.#taken.add(name.toLowerCase());
    return name;
  }

  #isTaken(key: string): boolean {
    return this.#taken.has(key) || this.#reserved.has(key);
  }
}
