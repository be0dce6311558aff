/**
 * A generated client package, built for real: `generate()` writes it inside the project (so Node resolves
 * `undici` from the project's node_modules, as it would next to an installed client), the project's `tsc`
 * compiles it, and tests `import()` the emitted JavaScript.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generate } from '../../src/generate.js';
import { e2eFolder } from '../helpers/project.js';
import { projectRoot } from './fixture-documents.js';

const run = promisify(execFile);
export const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** The runtime's exports as the built package has them: same sources, so the same types. */
export type ClientRuntime = typeof import('../../src/runtime/index.js');
/** What a generated service method looks like from outside. */
export type ServiceMethod = (parameters: object, ...rest: unknown[]) => unknown;
export type ServiceClass = new (session: unknown) => Record<string, ServiceMethod>;

export interface BuiltPackage {
  /** The package folder (package.json, src/, dist/). */
  readonly out: string;
  readonly dist: string;
  /** `dist/index.js`: the runtime plus the sync-style services. */
  main(): Promise<ClientRuntime & Record<string, unknown>>;
  /** `dist/callback/index.js`: the runtime plus the callback-style services. */
  callback(): Promise<ClientRuntime & Record<string, unknown>>;
  /** One built module of the package, by its path under dist/. */
  module(path: string): Promise<Record<string, unknown>>;
}

/** Builds already made or under way in this test file's worker, by label: a file builds each package once. */
const builds = new Map<string, Promise<BuiltPackage>>();

/**
 * Generates `fixture` (a path relative to the project) into `.cache/e2e/<run>/<label>` (helpers/project.ts) and compiles it; rejects
 * with the compiler's diagnostics when it does not compile. Each test file uses its own labels, as test files
 * run in parallel; within a file, asking again for a label gives the same build.
 */
export function buildPackage(fixture: string, label: string): Promise<BuiltPackage> {
  const key = `${label}\u0000${fixture}`;
  const build = builds.get(key) ?? buildFresh(fixture, label);
  builds.set(key, build);
  return build;
}

async function buildFresh(fixture: string, label: string): Promise<BuiltPackage> {
  const out = e2eFolder(label);
  // A previous run's dist/ would be carried over by the writer and could hide a missing file.
  await rm(out, { recursive: true, force: true });
  // The tsc build below type-checks the real files, more strictly than the in-memory verify stage.
  await generate({ discovery: [join(projectRoot, fixture)], out, verify: false });
  try {
    await run(process.execPath, [tsc, '-p', out], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`the package generated from ${fixture} does not compile:\n${stdout}${stderr}`, { cause: error });
  }
  const dist = join(out, 'dist');
  const load = async (path: string): Promise<Record<string, unknown>> => {
    const file = join(dist, path);
    if (!existsSync(file)) throw new Error(`${fixture}: the build emitted no dist/${path}`);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
  };
  return {
    out,
    dist,
    main: async () => (await load('index.js')) as ClientRuntime & Record<string, unknown>,
    callback: async () => (await load('callback/index.js')) as ClientRuntime & Record<string, unknown>,
    module: load,
  };
}

/** The exported service class `name` of a built module, checked to be a class. */
export function serviceClass(module: Record<string, unknown>, name: string): ServiceClass {
  const value = module[name];
  if (typeof value !== 'function') throw new Error(`the built package exports no class ${name}`);
  return value as ServiceClass;
}

/**
 * The method `name` of a service instance, bound to it; throws at once when the service has none, where
 * `service[name]?.(...)` would quietly give undefined (and a callback-style call would wait for its timeout).
 */
export function methodOf(service: Record<string, ServiceMethod>, name: string): ServiceMethod {
  const found = service[name];
  if (typeof found !== 'function') throw new Error(`the service has no method ${name}`);
  return found.bind(service);
}
