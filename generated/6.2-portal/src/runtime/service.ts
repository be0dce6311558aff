/**
 * Services: the classes generated modules make with `defineService` (sync style: methods return promises)
 * and `defineCallbackService` (callback style: methods report to a `Callback`). Each class keeps its actions
 * table, from which chain.ts makes its methods in chain style.
 */
import type { ChainMethod, ChainStyle } from './chain-types.js';
import { LiferayError } from './errors.js';
import type { Callback, CallOptions, Invoker } from './invoker.js';
import type { ActionSpec } from './spec.js';

/**
 * A generated service: `new DLAppService(session)`, where the session is a `Session` or a `BatchSession`.
 * Its methods are on its prototype, so `vi.spyOn(DLAppService.prototype, 'getFolder')` works.
 */
export interface ServiceClass<T> {
  new (session: Invoker): T;
  readonly prototype: T;
}

/**
 * The ways to call a generated method. A service interface declares each method once for all of them:
 * `sync` methods return a promise of the result, `callback` ones return at once and report to a `Callback`,
 * `chain` ones (`call(Service)`, in chain.ts) make a statement that a chain sends.
 */
export type CallStyle = 'sync' | 'callback' | 'chain';

/** One overload of a generated method; an overloaded method is the intersection of its overloads. */
export type ServiceMethod<Style extends CallStyle, Parameters, Result> = Style extends 'callback'
  ? Record<never, never> extends Parameters
    ? (parameters?: Parameters, callback?: Callback<Result>, options?: CallOptions) => void
    : (parameters: Parameters, callback?: Callback<Result>, options?: CallOptions) => void
  : Style extends 'chain'
    ? ChainMethod<Parameters, Result>
    : // The parameters object may be left out when the action takes none (or only optional ones): a call
      // without it sends `{}`.
      Record<never, never> extends Parameters
      ? (parameters?: Parameters, options?: CallOptions) => Promise<Result>
      : (parameters: Parameters, options?: CallOptions) => Promise<Result>;

type Actions = Readonly<Record<string, ActionSpec>>;
type MethodOf = (action: ActionSpec, invoker: (self: object) => Invoker) => (this: object, ...args: never[]) => unknown;

// The same key in every copy of the runtime, so that one package's chain takes another package's services.
const ACTIONS = /* @__PURE__ */ Symbol.for('liferay-sdk-builder.actions');

/**
 * The class of a sync-style service: one method per entry of `actions`, returning the call's promise.
 * Generated modules declare each method's typed overloads in an interface of the same name; the bodies,
 * all alike, live here once instead of in every module. `Chained` is the same interface in chain style.
 */
export function defineService<T, Chained = never>(
  name: string,
  actions: Actions,
): ServiceClass<T> & ChainStyle<Chained> {
  return defineClass(
    name,
    actions,
    (action, invoker) =>
      function (this: object, parameters?: object, options?: CallOptions) {
        // A JavaScript caller may leave out the parameters of an action that takes none.
        return invoker(this).invoke(action, parameters === undefined ? {} : parameters, options);
      },
  );
}

/** The class of a callback-style service: each method returns at once and reports to a `Callback`. */
export function defineCallbackService<T, Chained = never>(
  name: string,
  actions: Actions,
): ServiceClass<T> & ChainStyle<Chained> {
  return defineClass(
    name,
    actions,
    (action, invoker) =>
      function (this: object, parameters?: object, callback?: Callback<unknown>, options?: CallOptions) {
        invokeWithCallback(invoker(this), action, parameters === undefined ? {} : parameters, callback, options);
      },
  );
}

/**
 * The methods are on the prototype from the start, as a written-out class has them: an app can spy on or
 * patch `Service.prototype.getEntry` before the first `new`. One closure per method is made at import.
 */
function defineClass<T>(name: string, actions: Actions, methodOf: MethodOf): ServiceClass<T> {
  const sessions = new WeakMap<object, Invoker>();
  const invoker = (self: object): Invoker => {
    const session = sessions.get(self);
    // What a class with a private field would do for a method called on something else (e.g. detached).
    if (!session) throw new TypeError(`${name} methods must be called on a ${name} (was it detached from its object?)`);
    return session;
  };
  const Service = class {
    constructor(session: Invoker) {
      sessions.set(this, session);
    }
  };
  for (const key of Object.keys(actions)) {
    Object.defineProperty(Service.prototype, key, {
      value: methodOf(actions[key] as ActionSpec, invoker),
      writable: true,
      configurable: true,
    });
  }
  Object.defineProperties(Service, { name: { value: name }, [ACTIONS]: { value: actions } });
  return Service as unknown as ServiceClass<T>;
}

/** @internal The actions table of a class `defineService` made (undefined for anything else). */
export function actionsOf(service: unknown): Actions | undefined {
  return (service as { [ACTIONS]?: Actions } | null | undefined)?.[ACTIONS];
}

/**
 * Runs a call for callback-style generated methods, with the given callback or else the session's. What a
 * callback throws is not a failure of the call: it goes to `onCallbackError` or surfaces as uncaught.
 */
export function invokeWithCallback<T>(
  invoker: Invoker,
  action: ActionSpec,
  parameters: object,
  callback: Callback<T> | undefined,
  options: CallOptions | undefined,
): void {
  reportTo(invoker, callback, action[0], () => invoker.invoke(action, parameters, options));
}

/**
 * @internal Starts `call` and reports its outcome to `callback` (else the session's, else throws at once):
 * exactly one method, once, asynchronously.
 */
export function reportTo<T>(
  invoker: Pick<Invoker, 'callback' | 'onCallbackError'>,
  callback: Callback<T> | undefined,
  path: string | undefined,
  call: () => Promise<unknown>,
): void {
  const target = callback ?? invoker.callback;
  if (!target)
    throw new LiferayError('no callback: pass one to this method or set session.callback', {
      path,
      code: 'LIFERAY_NO_CALLBACK',
    });
  call().then(
    (result) => deliver(invoker, () => target.onSuccess(result)),
    (cause: unknown) =>
      deliver(invoker, () =>
        target.onFailure(cause instanceof LiferayError ? cause : new LiferayError(String(cause), { path, cause })),
      ),
  );
}

function deliver(invoker: Pick<Invoker, 'onCallbackError'>, run: () => void): void {
  try {
    run();
  } catch (error) {
    try {
      if (!invoker.onCallbackError) throw error;
      invoker.onCallbackError(error);
    } catch (uncaught) {
      // A new macrotask makes it a real uncaught exception, not a rejection nobody listens to.
      setTimeout(() => {
        throw uncaught;
      }, 0);
    }
  }
}
