/** What every command does first: verbosity, the secrets read from stdin or a prompt, and the secrets the reporter must never print. */
import type { DiscoveryEvent } from '../discovery/index.js';
import { urlUserInfo } from '../discovery/portal-url.js';
import { readSecrets } from './credentials.js';
import type { DiscoveryFlags } from './options.js';
import type { Reporter } from './report.js';

export async function prepareRun<F extends DiscoveryFlags>(given: F, reporter: Reporter): Promise<F> {
  reporter.verbose = given.verbose === true;
  // user:password@ written in --url, parsable or not.
  for (const secret of urlUserInfo(given.url ?? '')) reporter.addSecret(secret);
  for (const secret of [given.password, given.token, process.env['LIFERAY_PASSWORD'], process.env['LIFERAY_TOKEN']])
    reporter.addSecret(secret);
  const flags = await readSecrets(given, process.env);
  for (const secret of [flags.password, flags.token]) reporter.addSecret(secret);
  return flags;
}

export function describeEvent(event: DiscoveryEvent): string {
  switch (event.kind) {
    case 'request':
      return `GET ${event.url} (attempt ${event.attempt})`;
    case 'response':
      return `${event.status} from ${event.url}`;
    case 'redirect':
      return `${event.status} redirect from ${event.from} to ${event.to}`;
    case 'retry':
      return `retrying ${event.url} in ${event.delay} ms (attempt ${event.attempt} failed: ${event.reason})`;
    case 'read':
      return `reading ${event.path}`;
  }
}

/** A context without services still gets a package: say why it is empty. */
export function warnOnEmpty(
  contexts: readonly { readonly name: string; readonly services: number }[],
  reporter: Reporter,
): void {
  for (const context of contexts) {
    if (context.services === 0)
      reporter.warn(`context ${context.name} has no services (nothing is exposed, or the filter matched nothing)`);
  }
}

/**
 * For runs that make HTTP requests. undici parses HTTP with llhttp, WebAssembly that V8 recompiles with its
 * optimising compiler on background threads as soon as it runs, and Node waits for that before exiting: ~0.2 s
 * more per run on these machines. Baseline code is plenty for a few requests. Only here, in the CLI, which owns
 * its process; the library leaves V8's settings alone. Measured again in issue 13 (docs/performance.md): kept.
 */
export async function skipWebAssemblyTierUp(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
}
