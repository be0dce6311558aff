/**
 * What `liferay-sdk-builder mock` does: serve a local imitation of a portal's JSON web services from discovery
 * documents until SIGINT or SIGTERM, printing the URL on stdout and one line per request on stderr.
 */
import { startMockPortal } from '../../mock/index.js';
import type { Reporter } from '../report.js';

export interface MockFlags {
  readonly discovery?: string[];
  readonly port: number;
  readonly host: string;
  readonly user?: string;
  readonly password?: string;
  readonly latency: number;
  readonly seed: number;
  readonly cors?: string;
  readonly fixtures?: string;
  readonly verbose?: boolean;
}

export async function runMock(flags: MockFlags, reporter: Reporter): Promise<void> {
  reporter.verbose = flags.verbose === true;
  reporter.addSecret(flags.password);
  const portal = await startMockPortal({
    ...(flags.discovery === undefined ? {} : { discovery: flags.discovery }),
    ...(flags.user === undefined ? {} : { user: flags.user }),
    ...(flags.password === undefined ? {} : { password: flags.password }),
    ...(flags.cors === undefined ? {} : { cors: flags.cors }),
    ...(flags.fixtures === undefined ? {} : { fixtures: flags.fixtures }),
    port: flags.port,
    host: flags.host,
    latency: flags.latency,
    seed: flags.seed,
    onRequest: (line) => reporter.info(line),
  });
  reporter.result(`Mock portal listening on ${portal.url}`);
  const signal = await stopSignal();
  await portal.close();
  reporter.info(`mock portal stopped (${signal})`);
}

/** Resolves on the first SIGINT or SIGTERM, then stops listening for both so the process can exit. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
