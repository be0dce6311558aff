/**
 * Loads compiled packages in this Node process with traps set for what hostile payloads try: assigning
 * `globalThis.__injected`, logging, exiting, alerting. Loading must trip none of them, and each service
 * method must do exactly one thing: hand its own `actions` entry and the caller's parameters to the session.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Trapped {
  /** Every payload that ran, as what it tried. */
  readonly hits: string[];
  release(): void;
}

/** Sets the traps; `release` restores the globals. */
export function setTraps(): Trapped {
  const hits: string[] = [];
  // Saved to be put back as they were, never called detached.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const saved = { log: console.log, error: console.error, exit: process.exit };
  Object.defineProperty(globalThis, '__injected', {
    configurable: true,
    get: () => undefined,
    set: (value: unknown) => hits.push(`__injected = ${String(value)}`),
  });
  Object.defineProperty(globalThis, 'alert', {
    configurable: true,
    writable: true,
    value: (value: unknown) => hits.push(`alert(${String(value)})`),
  });
  console.log = (...values: unknown[]) => hits.push(`console.log(${values.map(String).join()})`);
  console.error = (...values: unknown[]) => hits.push(`console.error(${values.map(String).join()})`);
  process.exit = ((code?: number) => hits.push(`process.exit(${String(code)})`)) as typeof process.exit;
  return {
    hits,
    release() {
      Reflect.deleteProperty(globalThis, '__injected');
      Reflect.deleteProperty(globalThis, 'alert');
      Object.assign(console, { log: saved.log, error: saved.error });
      process.exit = saved.exit;
    },
  };
}

type Module = Record<string, unknown>;
type Call = readonly [spec: unknown, parameters: unknown, options: unknown];

/** Imports every module of package `src` (the compiled `.../p<k>/src`); returns the number of methods exercised. */
export async function loadPackage(src: string): Promise<number> {
  const load = async (path: string): Promise<Module> =>
    (await import(/* @vite-ignore */ pathToFileURL(join(src, path)).href)) as Module;
  await load('models.js');
  // The types modules hold no code: each compiles to an empty module.
  for (const file of readdirSync(join(src, 'services')).filter((name) => name.endsWith('.js') && name !== 'index.js')) {
    const types = await load(`services/${file}`);
    if (Object.keys(types).length > 0) throw new Error(`services/${file} exports ${Object.keys(types).join()}`);
  }
  const main = await load('index.js');
  const services = await load('services/index.js');
  const callbackMain = await load('callback/index.js');
  let methods = 0;
  for (const [name, value] of Object.entries(services)) {
    if (name.endsWith('Actions')) continue;
    const actions = services[`${name}Actions`] as Record<string, unknown> | undefined;
    if (typeof value !== 'function' || actions === undefined)
      throw new Error(`services/index.js exports ${name} without its actions`);
    methods += exercise(`services/index.js ${name}`, value as Service, actions, false);
    exercise(`callback/index.js ${name}`, callbackMain[name] as Service, actions, true);
    if (main[name] !== value || (callbackMain[name] as Service | undefined)?.name !== name)
      throw new Error(`the indexes do not export ${name}`);
  }
  return methods;
}

type Service = new (session: unknown) => Record<string, unknown>;

/** Calls every method once with a recording session: it must pass its own spec, the same parameters object, and no more. */
function exercise(
  file: string,
  service: new (session: unknown) => Record<string, unknown>,
  actions: Record<string, unknown>,
  callbackStyle: boolean,
): number {
  const calls: Call[] = [];
  const session = { invoke: (...call: Call) => (calls.push(call), Promise.resolve(null)) };
  const instance = new service(session);
  if ('then' in instance) throw new Error(`${file}: service instances are thenable`);
  const methods = Object.getOwnPropertyNames(service.prototype).filter((name) => name !== 'constructor');
  if (methods.sort().join() !== Object.keys(actions).sort().join())
    throw new Error(`${file}: methods ${methods.join()} differ from actions`);
  for (const name of methods) {
    const parameters = { probe: name };
    calls.length = 0;
    const method = instance[name] as (...values: unknown[]) => unknown;
    const result = callbackStyle
      ? method.call(instance, parameters, { onSuccess: () => undefined, onFailure: () => undefined })
      : method.call(instance, parameters);
    if (callbackStyle ? result !== undefined : !(result instanceof Promise))
      throw new Error(`${file}: ${name} returned ${String(result)}`);
    const [call, ...more] = calls;
    if (call === undefined || more.length > 0 || call[0] !== actions[name] || call[1] !== parameters)
      throw new Error(`${file}: ${name} did not invoke its own action once`);
  }
  return methods.length;
}
