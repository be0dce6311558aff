/**
 * A chain on the wire and back. A statement tree becomes one `/invoke` command,
 * `{"$user[userId,contactId] = /user/get-user-by-id": {"userId": 7, "$contact = /contact/get-contact":
 * {"@contactId": "$user.contactId"}}}`, and the portal's answer gets its nested results under the keys the
 * app gave. Every statement is named on the wire, each name once in the request: the portal sets a flag
 * from whichever statement of that name ran last, and stores a nested result under its name.
 */
import { chooseOverload, takesFile, toCommand, type Command } from './command.js';
import { LiferayError } from './errors.js';
import type { ActionSpec } from './spec.js';

/** One statement as data; `token` is its identity, which the copies `pick` and `with` make share. */
export interface StatementNode {
  readonly action: ActionSpec;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly pick: readonly string[] | undefined;
  readonly nested: readonly (readonly [key: string, node: StatementNode])[];
  readonly token: object;
}

/** A reference at run time: the statement it names (by token) and the property. */
export class Reference {
  constructor(
    readonly token: object,
    readonly property: string,
  ) {}
}

export interface Wire {
  readonly command: Command;
  /** The answer with the nested results under their keys; throws when the portal reused stale references. */
  readonly decode: (result: unknown) => unknown;
}

/** Statement names and the properties references name: plain names, which need no escaping anywhere. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function toWire(root: StatementNode): Wire {
  const nodes = new Map<object, StatementNode>();
  const names = nameStatements(root, nodes);
  const write = (node: StatementNode, enclosing: readonly StatementNode[]): Record<string, unknown> => {
    const wire = parametersOf(node, (reference) => flag(reference, nodes, names, enclosing, node));
    for (const [, child] of node.nested) wire[assignment(child, names)] = write(child, [...enclosing, node]);
    return wire;
  };
  const command = { [assignment(root, names)]: write(root, []) };
  return { command, decode: (result) => decode(root, result, names, new Map()) };
}

/** A nested statement keeps its key as its name when the key is plain and unused; the root takes its service's. */
function nameStatements(root: StatementNode, nodes: Map<object, StatementNode>): Map<object, string> {
  const names = new Map<object, string>();
  const used = new Set<string>();
  const unique = (base: string): string => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
  const visit = (node: StatementNode): void => {
    if (nodes.has(node.token)) throw invalid('a statement can be used only once in a chain', node);
    nodes.set(node.token, node);
    for (const [key, child] of node.nested) {
      names.set(child.token, unique(PLAIN_NAME.test(key) ? key : 'nested'));
      visit(child);
    }
  };
  visit(root);
  const service = root.action[0].split('/')[1] ?? '';
  names.set(root.token, unique(service.slice(service.lastIndexOf('.') + 1).replace(/\W/g, '_') || 'result'));
  return names;
}

function assignment(node: StatementNode, names: ReadonlyMap<object, string>): string {
  return `$${names.get(node.token)}${node.pick ? `[${node.pick.join(',')}]` : ''} = ${node.action[0]}`;
}

/** The parameters as an ordinary call sends them, but references as `@name` flags. */
function parametersOf(node: StatementNode, flagOf: (reference: Reference) => string): Record<string, unknown> {
  const path = node.action[0];
  // The overload is chosen by the keys given, references included, and refuses what is not an object.
  const overload = chooseOverload(node.action, node.parameters);
  const references = Object.entries(node.parameters).filter(
    (entry): entry is [string, Reference] => entry[1] instanceof Reference,
  );
  const values = { ...node.parameters };
  for (const [name] of references) values[name] = undefined;
  if (takesFile(overload)) {
    throw new LiferayError('uploads cannot be chained: call this method on the session', {
      path,
      code: 'LIFERAY_UNSUPPORTED',
    });
  }
  const wire: Record<string, unknown> = { ...toCommand(path, overload, values)[path] };
  for (const [name, reference] of references) {
    delete wire[name];
    wire[`@${name}`] = flagOf(reference);
  }
  return wire;
}

/** `$user.contactId`: a property of an enclosing statement's result, one level deep (7.x reads no more). */
function flag(
  { token, property }: Reference,
  nodes: ReadonlyMap<object, StatementNode>,
  names: ReadonlyMap<object, string>,
  enclosing: readonly StatementNode[],
  node: StatementNode,
): string {
  const target = nodes.get(token);
  if (!target || !enclosing.includes(target))
    throw invalid('a reference may only name a property of an enclosing statement', node);
  if (!PLAIN_NAME.test(property)) throw invalid(`cannot refer to the property ${JSON.stringify(property)}`, node);
  // The portal would fail the request: the whitelisted result has no such key.
  if (target.pick && !target.pick.includes(property))
    throw invalid(`${property} is not among the properties picked of ${target.action[0]}`, node);
  return `$${names.get(token)}.${property}`;
}

/**
 * Moves each nested result from its wire name to its key. A statement whose parameters take references and
 * whose parent ran more than once got the first run's values every time (Liferay 6.2 and later): an error.
 */
function decode(
  node: StatementNode,
  result: unknown,
  names: ReadonlyMap<object, string>,
  runs: Map<object, number>,
): unknown {
  if (!node.nested.length || result === null || typeof result !== 'object') return result;
  const run = (runs.get(node.token) ?? 0) + 1;
  runs.set(node.token, run);
  const visit = (element: unknown): void => {
    if (Array.isArray(element)) return element.forEach(visit);
    if (element === null || typeof element !== 'object') return;
    const object = element as Record<string, unknown>;
    for (const [key, child] of node.nested) {
      if (run > 1 && Object.values(child.parameters).some((value) => value instanceof Reference)) throw stale(child);
      const name = names.get(child.token) ?? key;
      const value = object[name];
      delete object[name];
      object[key] = decode(child, value, names, runs);
    }
  };
  visit(result);
  return result;
}

/** A statement the app built wrongly: named by its action's path, refused before anything is sent. */
export function invalid(message: string, node: StatementNode): LiferayError {
  return new LiferayError(message, { path: node.action[0], code: 'LIFERAY_INVALID_PARAMETERS' });
}

function stale(node: StatementNode): LiferayError {
  const message =
    'the portal ran it with the references of its first run (Liferay 6.2 and later do so two levels below a list): split the chain';
  return new LiferayError(message, { path: node.action[0], code: 'LIFERAY_UNSUPPORTED' });
}
