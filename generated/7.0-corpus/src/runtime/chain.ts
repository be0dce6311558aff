/**
 * Chains: calls that depend on each other's results, in one `/invoke` request, as Liferay's
 * JSONWebServiceInvokerAction runs them (every version since 6.1). `call(UserService)` gives a service's
 * methods in chain style, which make statements; `pick` keeps some properties of a result, `with` runs a
 * nested statement on it (on each element of a list) whose parameters may take references to an enclosing
 * statement's properties; `chain(session, statement)` sends it and resolves with the result, nested results
 * added. A module of its own (`<package>/chain`), which only apps that chain load.
 */
import type { BatchSession } from './batch.js';
import type { Call, ChainResult, ChainStyle, Statement } from './chain-types.js';
import { invalid, Reference, type StatementNode, toWire } from './chain-wire.js';
import { LiferayError } from './errors.js';
import type { Callback, CallOptions } from './invoker.js';
import { actionsOf, reportTo } from './service.js';
import type { Session } from './session.js';

export type {
  Call,
  ChainMethod,
  ChainResult,
  ChainStyle,
  ElementOf,
  LooseRef,
  Nested,
  Picked,
  Ref,
  Referable,
  References,
  Statement,
} from './chain-types.js';

/** A statement as `call(...)` makes it; `pick` and `with` answer copies that share its identity. */
class Built {
  readonly node: StatementNode;

  constructor(node: StatementNode) {
    this.node = node;
  }

  pick(...keys: string[]): Built {
    const { node } = this;
    if (node.pick || node.nested.length) throw invalid('pick() comes once, before with()', node);
    // A whitelist is written `[a,b]` on the wire: a key with a comma or a bracket would be another list.
    if (!keys.length || keys.some((key) => !/^[^\s,[\]=]+$/.test(key)))
      throw invalid('cannot pick ' + JSON.stringify(keys), node);
    return new Built({ ...node, pick: keys });
  }

  with(key: string, build: (result: object) => unknown): Built {
    const { node } = this;
    if (typeof key !== 'string' || node.nested.some(([taken]) => taken === key))
      throw invalid('with(): ' + JSON.stringify(key) + ' is taken', node);
    const references = new Proxy(
      {},
      { get: (_, property) => (typeof property === 'string' ? new Reference(node.token, property) : undefined) },
    );
    const nested = build(references);
    if (!(nested instanceof Built))
      throw invalid('with(' + JSON.stringify(key) + '): the function must return a statement made by call()', node);
    return new Built({ ...node, nested: [...node.nested, [key, nested.node]] });
  }
}

/**
 * A generated service's methods in chain style: `call(UserService).getUserById({ userId })` makes a
 * statement and sends nothing. Each method takes the parameters of the ordinary call, any of which may be a
 * reference to a property of an enclosing statement's result.
 */
export function call<Chained>(service: ChainStyle<Chained>): Chained {
  const actions = actionsOf(service);
  if (!actions)
    throw new LiferayError('call() takes a generated service class', { code: 'LIFERAY_INVALID_PARAMETERS' });
  const methods: Record<string, (parameters?: object) => Call<unknown>> = {};
  for (const [name, action] of Object.entries(actions)) {
    // Kept as given: chain() checks them as an ordinary call would, when it writes the command.
    const make = (parameters: object = {}): Built =>
      new Built({ action, parameters: parameters as Record<string, unknown>, pick: undefined, nested: [], token: {} });
    methods[name] = make as unknown as (parameters?: object) => Call<unknown>;
  }
  return methods as Chained;
}

/**
 * Sends a chain in one request (or queues it on a BatchSession) and resolves with its result, each nested
 * result under its name. A nested statement's failure fails the whole chain (and batch) with the portal's error.
 */
export function chain<T extends Statement<unknown, unknown, unknown>>(
  session: Session | BatchSession,
  statement: T,
  options?: CallOptions,
): Promise<ChainResult<T>>;
/** The same in callback style: returns at once; exactly one of the callback's methods is called, once, later. */
export function chain<T extends Statement<unknown, unknown, unknown>>(
  session: Session | BatchSession,
  statement: T,
  callback: Callback<ChainResult<T>>,
  options?: CallOptions,
): void;
export function chain(
  session: Session | BatchSession,
  statement: Statement<unknown, unknown, unknown>,
  callbackOrOptions?: Callback<unknown> | CallOptions,
  options?: CallOptions,
): Promise<unknown> | void {
  const callback = callbackOrOptions && 'onSuccess' in callbackOrOptions ? callbackOrOptions : undefined;
  const path = statement instanceof Built ? statement.node.action[0] : undefined;
  if (!callback) return send(session, statement, callbackOrOptions as CallOptions | undefined);
  reportTo(session, callback, path, () => send(session, statement, options));
}

async function send(
  session: Session | BatchSession,
  statement: unknown,
  options: CallOptions | undefined,
): Promise<unknown> {
  if (!(statement instanceof Built))
    throw new LiferayError('chain() takes a statement made by call()', { code: 'LIFERAY_INVALID_PARAMETERS' });
  const { command, decode } = toWire(statement.node);
  const path = statement.node.action[0];
  // A BatchSession queues it (told apart by its method, so that batch.js stays a chunk loaded on first use).
  return decode('queue' in session ? await session.queue(command) : (await session.send([command], options, path))[0]);
}
