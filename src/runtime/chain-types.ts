/**
 * The types of chains (chain.ts): statements, the references a nested statement's parameters may take to an
 * enclosing statement's result, and the result a chain resolves with. Types only, so that generated service
 * interfaces can name them (`ServiceMethod<'chain', ...>`) without loading chain.ts.
 */
declare const chainStyle: unique symbol;
declare const reference: unique symbol;
declare const looseReference: unique symbol;
declare const shape: unique symbol;

/** On a generated service class, for `call(Service)`: its methods in chain style (a phantom, never set). */
export interface ChainStyle<Chained> {
  /** Phantom: the service's interface in chain style. */
  readonly [chainStyle]?: Chained;
}

/**
 * A reference to a property of an enclosing statement's result, of type T: on the wire, an `@` flag naming
 * the statement and the property. A parameter takes it where it takes a T.
 */
export interface Ref<T> {
  /** Phantom: the property's type. */
  readonly [reference]: () => T;
}

/**
 * A reference to a property whose type is not known, of a model the portal does not describe: any name is
 * allowed and any parameter takes it, unchecked.
 */
export interface LooseRef {
  /** Phantom: tells it from a `Ref`. */
  readonly [looseReference]: true;
}

/** A chain-style method's parameters: each takes its value, a reference of a type that fits, or a loose one. */
export type Referable<P> = { [K in keyof P]: P[K] | Ref<Exclude<P[K], undefined>> | LooseRef };

/** What a nested statement's `build` function receives: a reference for each property of the result. */
export type References<T> = { readonly [K in keyof T]-?: unknown extends T[K] ? LooseRef : Ref<T[K]> };

/** A result's element: the model of a list, else the model itself; never null. */
export type ElementOf<R> = [NonNullable<R>] extends [readonly (infer E)[]] ? NonNullable<E> : NonNullable<R>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type IsList<R> = [NonNullable<R>] extends [readonly unknown[]] ? true : false;
/** The properties a model is known to have (none for `Record<string, unknown>`). */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 };

/**
 * A statement's result with its nested results: added to each element of a list, or to the object. A nested
 * statement on a null result fails the request, so with nested results it is never null.
 */
export type Nested<R, A> = [keyof A] extends [never]
  ? R
  : IsList<R> extends true
    ? Simplify<Omit<ElementOf<R>, keyof A> & A>[]
    : Simplify<Omit<ElementOf<R>, keyof A> & A>;

/** `pick`: the result (each element of a list) with only those properties; null stays null. */
export type Picked<R, K extends PropertyKey> =
  IsList<R> extends true
    ? Simplify<Pick<ElementOf<R>, K & keyof ElementOf<R>>>[]
    : Simplify<Pick<ElementOf<R>, K & keyof ElementOf<R>>> | (null extends R ? null : never);

/** A name for a nested result: not a property the result is known to have, nor a name already used. */
type FreeName<N extends string, R, A> = N extends KnownKeys<ElementOf<R>> | keyof A
  ? `"${N}" is taken: a nested result needs a name of its own`
  : N;

/** Below a list, a nested statement may not nest further: Liferay 6.2 and later would reuse the first element's values. */
type BelowList = 'a statement nested below a list may not nest further';

/**
 * A statement: an action's call, its result R, the results A of the statements nested in it, and whether it
 * nests (N). Made by a chain-style method (`call(UserService).getUserById(...)`), sent by `chain(...)`.
 */
// `{}`: no nested results yet; each `with` intersects one more key into it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Statement<R, A = {}, N = false> {
  /** Phantom: the result type, the nested results, whether it nests. */
  readonly [shape]: () => [result: R, nested: A, nests: N];
  /**
   * Runs the statement `build` returns on this statement's result (once per element of a list) and adds its
   * result under `name`. `build` runs once, now: its argument stands for the result (each element), and its
   * properties are references that the nested statement's parameters may take.
   */
  with<const K extends string, S, SA, SN = false>(
    name: FreeName<K, R, A>,
    build: (result: References<ElementOf<R>>) => Statement<S, SA, IsList<R> extends true ? false | BelowList : SN>,
  ): Statement<R, A & { [P in K]: Nested<S, SA> }, true>;
}

/** A statement as a chain-style method makes it: its result's properties may still be picked. */
export interface Call<R> extends Statement<R> {
  /** Keeps only these properties of the result (of each element of a list): `$name[a,b]` on the wire. */
  pick<const K extends KnownKeys<ElementOf<R>> | (string extends keyof ElementOf<R> ? string : never)>(
    ...keys: [K, ...K[]]
  ): Statement<Picked<R, K>>;
}

/** A method of a service in chain style: takes its parameters (or references) and makes a statement. */
export type ChainMethod<P, R> = (parameters: Referable<P>) => Call<R>;

/** The result a chain resolves with: the statement's result with its nested results. */
export type ChainResult<T> = T extends { readonly [shape]: () => [infer R, infer A, unknown] } ? Nested<R, A> : never;
