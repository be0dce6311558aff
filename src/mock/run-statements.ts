/**
 * The statements of one `/invoke` request, run as JSONWebServiceInvokerAction runs them (6.1 to 7.4 alike,
 * except for flags, see statement-flags.ts). A statement's result is filtered by its whitelist (per element of
 * a list: `{key: value}` with exactly the listed keys, null where missing), then each nested statement runs
 * once for it (or once per element of a list) and its result is stored under the nested statement's name
 * without its `$`, after the whitelisted properties. A nested statement on a null result (or null element)
 * fails the request with a NullPointerException; any failure fails the whole request, batch included.
 */
import type { DiscoveryFormat } from '../discovery/formats/types.js';
import { addInner, asMap, nestedProperty, type NestedProperty, runInner } from './inner-statements.js';
import { PortalFault } from './portal-fault.js';
import { isObject, readStatement, type Statement } from './read-commands.js';
import { populateFlags } from './statement-flags.js';

/** Calls one statement's action with its parameters and flag values and answers its result. */
export type CallStatement = (statement: Statement) => unknown;

export class StatementRun {
  /** Every statement read so far, in order: flags are set in any of them that has not run. */
  readonly #statements: Statement[] = [];
  readonly #executed = new Set<Statement>();
  /** The maps the invoker made (whitelisted results, results with nested ones): jodd reads them as maps. */
  readonly #maps = new WeakSet<object>();
  readonly #call: CallStatement;
  readonly #format: DiscoveryFormat;

  constructor(call: CallStatement, format: DiscoveryFormat) {
    this.#call = call;
    this.#format = format;
  }

  /** The paths of the statements read so far, nested ones included, for the request log. */
  get paths(): string[] {
    return this.#statements.map((statement) => statement.path);
  }

  /** Reads one top-level entry and runs it; the portal reads each entry only when the previous one is done. */
  run(entry: unknown): unknown {
    return this.execute(readStatement(entry, this.#format, this.#statements));
  }

  /** @internal Runs a statement and its nested statements; inner-statements.ts calls back into it. */
  execute(statement: Statement): unknown {
    let result = this.#filterResult(statement.whitelist, this.#call(statement));
    for (const nested of statement.statements) {
      result =
        this.#inner(nested) === undefined
          ? this.#runNested(statement, nested, result)
          : runInner(this, statement, nested, result);
      this.#executed.add(nested);
    }
    return result;
  }

  #runNested(parent: Statement, nested: Statement, result: unknown): unknown {
    return Array.isArray(result) ? this.attachEach(parent, nested, result) : this.attach(parent, nested, result);
  }

  /** @internal `attach` on each element; an element that is itself a list is gone through the same way. */
  attachEach(parent: Statement, nested: Statement, list: readonly unknown[]): unknown[] {
    return list.map((element) =>
      Array.isArray(element) ? this.attachEach(parent, nested, element) : this.attach(parent, nested, element),
    );
  }

  /**
   * @internal Sets the flags naming the parent from `result`, runs the nested statement, and answers `result`
   * as a map with the nested result added: under its name, or (inner) under the name in a property's value.
   */
  attach(parent: Statement, nested: Statement, result: unknown): Record<string, unknown> {
    const scope = {
      statements: this.#statements,
      executed: this.#executed,
      format: this.#format,
      isMap: (value: object) => this.#maps.has(value),
    };
    populateFlags(parent.name, result, scope);
    const value = this.execute(nested);
    const map = asMap(result);
    const inner = this.#inner(nested);
    return this.#made(
      inner === undefined ? { ...map, [(nested.name ?? '').slice(1)]: value } : addInner(map, inner, value),
    );
  }

  /** The whitelist keeps exactly its keys (null where the result has none); null results stay null. */
  #filterResult(whitelist: readonly string[] | undefined, result: unknown): unknown {
    if (whitelist === undefined) return result;
    const filter = (value: unknown): unknown => {
      if (value === null || value === undefined) return value;
      const source = isObject(value) ? value : {};
      return this.#made(Object.fromEntries(whitelist.map((key) => [key, source[key] ?? null])));
    };
    return Array.isArray(result) ? result.map(filter) : filter(result);
  }

  /** 6.0/6.1 have no inner statements: there `entries.$author` is a parameter, and `$a.$b` an ordinary name. */
  #inner(nested: Statement): NestedProperty | undefined {
    return this.#format === 'legacy' ? undefined : nestedProperty(nested);
  }

  /**
   * 6.x serializes the answer including each statement's name as a path, and refuses a name with `*` (6.1
   * in other words); 7.x includes no names.
   */
  checkNames(): void {
    if (this.#format === '7.x') return;
    for (const { name } of this.#statements) {
      const include = name?.slice(1);
      if (include === undefined || !include.includes('*')) continue;
      const message =
        this.#format === '6.2' ? `${include} has special characters` : `Special characters are not allowed: ${include}`;
      throw new PortalFault('java.lang.IllegalArgumentException', message);
    }
  }

  #made<T extends object>(map: T): T {
    this.#maps.add(map);
    return map;
  }
}
