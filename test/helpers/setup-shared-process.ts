/**
 * Test files share their worker's process (`isolate: false` in vitest.config.ts: modules load once per worker
 * rather than once per file). So each file must leave the process as it found it, and this checks that after
 * every file: a file that leaves fake timers on, another undici dispatcher, a changed environment or working
 * folder, or a hostile document's payload run, fails itself instead of a file that happens to run after it.
 */
import { getGlobalDispatcher, type Dispatcher } from 'undici';
import { afterAll, beforeAll, expect, vi } from 'vitest';

let dispatcher: Dispatcher | undefined;
let cwd = '';
let env: Record<string, string | undefined> = {};

/** The environment without vitest's own per-worker variables. */
const ownEnvironment = (): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));

beforeAll(() => {
  dispatcher = getGlobalDispatcher();
  cwd = process.cwd();
  env = ownEnvironment();
});

afterAll(() => {
  expect(vi.isFakeTimers(), 'the file left fake timers on').toBe(false);
  expect(getGlobalDispatcher() === dispatcher, 'the file left another undici dispatcher as the global one').toBe(true);
  expect(process.cwd(), 'the file left another working folder').toBe(cwd);
  expect(ownEnvironment(), 'the file left the environment changed').toEqual(env);
  expect('__injected' in globalThis, 'a hostile payload ran').toBe(false);
});
