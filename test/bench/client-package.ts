/**
 * Generated client packages, built for real: the CLI writes them inside the project (so Node resolves
 * `undici` from its node_modules, as next to an installed client), the project's tsc compiles them.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Invoker } from '../../src/runtime/internal.js';

/** The runtime's exports as a built package has them: same sources, so the same types. */
export type ClientRuntime = typeof import('../../src/runtime/index.js');

export interface BlogsEntryService {
  getEntry(parameters: { entryId: number }): Promise<unknown>;
}

/** `dist/index.js` of a generated package: the runtime and the sync-style services. */
export type ClientModule = ClientRuntime & { readonly BlogsEntryService: new (session: Invoker) => BlogsEntryService };

const PORTAL_FIXTURE = 'fixtures/discovery/7.x/portal.json';

export interface BuiltClient {
  readonly out: string;
  /** `<out>/dist/index.js`. */
  readonly index: string;
}

/** Generates `discovery` (relative to the project) into `out` without verify (tsc checks it) and compiles it. */
export function buildClientPackage(root: string, discovery: string, out: string): BuiltClient {
  // A previous build's dist/ would be kept by the writer.
  rmSync(out, { recursive: true, force: true });
  run(root, [
    join(root, 'bin', 'liferay-sdk-builder.js'),
    'generate',
    '--discovery',
    join(root, discovery),
    '--out',
    out,
    '--no-verify',
    '--quiet',
  ]);
  run(root, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', out]);
  return { out, index: join(out, 'dist', 'index.js') };
}

const built = new Map<string, BuiltClient>();

/** The 7.x portal fixture's client in `<cacheDir>/pkg`, built once per bench run and shared by the sections. */
export function portalClient(root: string, cacheDir: string): Promise<ClientModule> {
  const out = join(cacheDir, 'pkg');
  let client = built.get(out);
  if (client === undefined) {
    client = buildClientPackage(root, PORTAL_FIXTURE, out);
    built.set(out, client);
  }
  return loadClient(client);
}

export async function loadClient(client: BuiltClient): Promise<ClientModule> {
  return (await import(pathToFileURL(client.index).href)) as ClientModule;
}

function run(root: string, args: readonly string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} failed (exit ${String(result.status)}):\n${result.stdout}${result.stderr}`);
}
