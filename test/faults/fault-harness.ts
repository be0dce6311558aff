/**
 * What every fault test needs: a call made in either style (promise or callback) that must settle within a
 * guard timer, with callbacks counted so a second delivery fails the test, and the two transports to run on.
 */
import { afterEach } from 'vitest';
import { LiferayError, type CallOptions, type Session, type TransportKind } from '../../src/runtime/index.js';
import { invokeWithCallback } from '../../src/runtime/internal.js';
import type { ActionSpec } from '../../src/runtime/internal.js';

export type Style = 'promise' | 'callback';
export const transports: readonly TransportKind[] = ['undici', 'fetch'];
export const styles: readonly Style[] = ['promise', 'callback'];
export const matrix: readonly [TransportKind, Style][] = transports.flatMap((t) =>
  styles.map((s): [TransportKind, Style] => [t, s]),
);

export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Far above any timeout used here: a guard that wins means a promise that never settles. */
export const GUARD_MS = 15_000;
/**
 * Every callback call of the current test with its deliveries. `call` returns at the first delivery; whether
 * a second one ever comes is checked after the test, once its session is closed (the file's own afterEach
 * closes it, and hooks run in reverse order of registration, this one registered first, on import): no
 * listening window, so a late second delivery is caught however slow the machine is.
 */
const deliveries: { readonly path: string; readonly outcomes: readonly Outcome[] }[] = [];
afterEach(() => {
  // None at all is the guard timer's to report, in the test itself.
  const repeated = deliveries.splice(0).filter((delivery) => delivery.outcomes.length > 1);
  const [first] = repeated;
  if (first !== undefined)
    throw new Error(
      `${first.outcomes.length} callbacks for one call to ${first.path} (and ${repeated.length - 1} more calls)`,
    );
});

/** Settles like `promise`, or rejects when `ms` pass first. */
export function guarded<T>(promise: Promise<T>, what: string, ms = GUARD_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`guard timer won: ${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/** One call in the given style; a callback call fails the test unless exactly one method is called, once. */
export async function call(
  style: Style,
  session: Session,
  action: ActionSpec,
  parameters: object,
  options?: CallOptions,
): Promise<Outcome> {
  if (style === 'promise') {
    return guarded(
      session.invoke(action, parameters, options).then(
        (value): Outcome => ({ ok: true, value }),
        (error: unknown): Outcome => ({ ok: false, error }),
      ),
      action[0],
    );
  }
  const outcomes: Outcome[] = [];
  let first!: () => void;
  const delivered = new Promise<void>((resolve) => (first = resolve));
  const record = (outcome: Outcome): void => {
    outcomes.push(outcome);
    first();
  };
  invokeWithCallback(
    session,
    action,
    parameters,
    { onSuccess: (value) => record({ ok: true, value }), onFailure: (error) => record({ ok: false, error }) },
    options,
  );
  deliveries.push({ path: action[0], outcomes });
  await guarded(delivered, action[0] + ' (callback)');
  return outcomes[0] as Outcome;
}

/** The error of a failed call; fails the test when the call succeeded or failed with a non-LiferayError. */
export function failureOf(outcome: Outcome): LiferayError {
  if (outcome.ok) throw new Error('expected a failure, got ' + JSON.stringify(outcome.value)?.slice(0, 200));
  if (!(outcome.error instanceof LiferayError)) throw new Error('not a LiferayError: ' + String(outcome.error));
  return outcome.error;
}

export function valueOf(outcome: Outcome): unknown {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export const getEntry: ActionSpec = ['/blogsentry/get-entry', [['entryId']]];
