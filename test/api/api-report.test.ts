/**
 * The public API of the runtime is written down in api/runtime.api.md and api/chain.api.md (API Extractor's
 * reports of the declarations a generated package ships, for its index and its chain entry point): `npm test`
 * fails when one is stale, so that a change to the public surface shows in review. `npm run
 * update:api-report` rewrites them.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without declarations.
import { ENTRY_POINTS, runApiReport } from '../../scripts/api-report.mjs';

interface ReportRun {
  readonly changed: boolean;
  readonly succeeded: boolean;
  readonly messages: readonly string[];
}
interface EntryPoint {
  readonly module: string;
  readonly report: string;
}
const run = runApiReport as (options: { runtimeFolder?: string; work: string; update?: boolean; entry?: EntryPoint }) => ReportRun;
const entries = ENTRY_POINTS as readonly EntryPoint[];

import { projectRoot as root } from '../helpers/project.js';
const scratch = `${root}.cache/api-report-test/`;
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the API report of the runtime', () => {
  it.each(entries.map((entry) => [entry.report, entry] as const))('%s.api.md is up to date (npm run update:api-report after a reviewed change), with nothing to warn about', (report, entry) => {
    const result = run({ work: `${scratch}current-${report}`, entry });
    expect(result.messages).toEqual([]);
    expect(result.changed, `api/${report}.api.md is stale: run npm run update:api-report and review the diff`).toBe(false);
    expect(result.succeeded).toBe(true);
  });

  it('changes with a public name added, and not with an internal one', async () => {
    const copy = `${scratch}runtime/`;
    await cp(`${root}src/runtime/`, copy, { recursive: true });
    const internal = `${copy}internal.ts`;
    await writeFile(internal, `${await readFile(internal, 'utf8')}export type { Callback as InternalCallback } from './invoker.js';\n`);
    expect(run({ runtimeFolder: copy, work: `${scratch}internal` }).changed).toBe(false);
    const index = `${copy}index.ts`;
    await writeFile(index, `${await readFile(index, 'utf8')}export type { Command } from './command.js';\n`);
    expect(run({ runtimeFolder: copy, work: `${scratch}public` }).changed).toBe(true);
  });

  it('leaves out what is marked @internal, as the shipped declarations do', async () => {
    const report = await readFile(`${root}api/runtime.api.md`, 'utf8');
    for (const hidden of ['exchange(', 'send(commands', 'queue(', 'brand', 'defineService', 'Invoker ', 'internal']) expect(report).not.toContain(hidden);
    expect(report).toContain('export class Session');
    const chain = await readFile(`${root}api/chain.api.md`, 'utf8');
    for (const hidden of ['actionsOf', 'reportTo', 'Built', 'toWire']) expect(chain).not.toContain(hidden);
    expect(chain).toContain('export function chain<');
  });
});
