/**
 * The body of `POST /api/jsonws/invoke`, read as JSONWebServiceInvokerAction reads it: one statement
 * `{"/path": {...}}` (answered with its result) or an array of them (answered with the array of results).
 * A statement may be named, and its result filtered: `"$user[userId,contactId] = /user/get-user-by-id"`.
 * Its body holds parameters, `@name` flags that take a parameter from a named statement's result
 * (`"@contactId": "$user.contactId"`) and nested statements (`"$contact = /contact/get-contact": {...}`, and
 * from 6.2 `"entries.$author = ..."`, which works on a property of the result).
 */
import type { DiscoveryFormat } from '../discovery/formats/types.js';
import { invalidCommand, PortalFault } from './portal-fault.js';

export interface Flag {
  /** The parameter it sets, as written after `@`. */
  readonly parameter: string;
  /** "$user.contactId": a statement's name, a dot, a property (6.x: a property path); null sets nothing. */
  readonly reference: string | null;
}

/**
 * One statement. Mutable as the portal's is: a flag's value is set each time its statement's ancestor has a
 * result (an element, for a list), and an inner statement renames itself and its parent while it runs.
 */
export interface Statement {
  readonly path: string;
  /** As written before "=": "$contact", "entries.$author"; undefined for a plain command. */
  name: string | undefined;
  /** The properties kept of the result (of each element of a list result). */
  readonly whitelist: readonly string[] | undefined;
  /** The body's other keys, in order. */
  readonly parameters: readonly (readonly [string, unknown])[];
  readonly flags: readonly Flag[];
  /** Values given by flags so far, by parameter name; sent after (so over) the body's parameters. */
  readonly flagValues: Map<string, unknown>;
  readonly statements: readonly Statement[];
  /** While an inner statement runs on a property, the parent's result that owns the property. */
  pushTarget: unknown;
}

export interface InvokeBody {
  readonly batch: boolean;
  /** The top-level entries, read into statements one by one as the portal runs them. */
  readonly entries: readonly unknown[];
}

export function readCommands(text: string): InvokeBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidCommand('Unable to deserialize object');
  }
  if (Array.isArray(json)) return { batch: true, entries: json };
  if (isObject(json)) return { batch: false, entries: [json] };
  throw invalidCommand();
}

/**
 * One top-level entry: its first key is the assignment, its value the body. Every statement read is added
 * to `read`, in order: flags are looked up among all of them.
 */
export function readStatement(entry: unknown, format: DiscoveryFormat, read: Statement[]): Statement {
  const first = isObject(entry) ? Object.entries(entry)[0] : undefined;
  if (first === undefined) throw invalidCommand();
  return parseStatement(first[0], first[1], format, read);
}

function parseStatement(assignment: string, body: unknown, format: DiscoveryFormat, read: Statement[]): Statement {
  if (!isObject(body)) throw invalidCommand();
  const { name, whitelist, path } = parseAssignment(assignment);
  if (!path.startsWith('/'))
    throw new PortalFault('java.lang.IllegalArgumentException', `Invalid command path ${path}`);
  const parameters: (readonly [string, unknown])[] = [];
  const flags: Flag[] = [];
  const nested: [string, unknown][] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@')) flags.push({ parameter: key.slice(1), reference: flagReference(value) });
    else if (key.startsWith('$') || (format !== 'legacy' && key.includes('.$'))) nested.push([key, value]);
    else parameters.push([key, value]);
  }
  const statements: Statement[] = [];
  const statement: Statement = {
    path,
    name,
    whitelist,
    parameters,
    flags,
    flagValues: new Map(),
    statements,
    pushTarget: undefined,
  };
  read.push(statement);
  for (const [key, value] of nested) statements.push(parseStatement(key, value, format, read));
  return statement;
}

/** The portal casts a flag's value to a String. */
function flagReference(value: unknown): string | null {
  if (value === null || typeof value === 'string') return value;
  throw new PortalFault('java.lang.ClassCastException', `${javaClassOf(value)} cannot be cast to java.lang.String`);
}

/** The class the portal's JSON reader (jodd, loose mode) makes of a value. */
function javaClassOf(value: unknown): string {
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? Math.abs(value) <= 2 ** 31 - 1
        ? 'java.lang.Integer'
        : 'java.lang.Long'
      : 'java.lang.Double';
  return Array.isArray(value) ? 'java.util.ArrayList' : 'java.util.HashMap';
}

/** "$name[a, b] = /path": the whitelist is what the brackets hold, split on commas and trimmed. */
function parseAssignment(assignment: string): {
  name: string | undefined;
  whitelist: string[] | undefined;
  path: string;
} {
  const equals = assignment.indexOf('=');
  if (equals < 0) return { name: undefined, whitelist: undefined, path: assignment.trim() };
  let name = assignment.slice(0, equals).trim();
  let whitelist: string[] | undefined;
  const bracket = name.indexOf('[');
  if (bracket >= 0) {
    const list = name.slice(bracket + 1, name.length - 1);
    whitelist = list.trim() === '' ? [] : list.split(',').map((key) => key.trim());
    name = name.slice(0, bracket);
  }
  return { name, whitelist, path: assignment.slice(equals + 1).trim() };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
