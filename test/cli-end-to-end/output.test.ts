/**
 * What `generate` prints, for scripts and CI logs: `--json` (shape and numbers), `--quiet` (nothing but
 * errors), and the live progress line only on a terminal without NO_COLOR or CI.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { wantsProgress } from '../../src/cli/progress.js';
import {
  bin,
  packageFiles,
  projectRoot,
  removeTemporaryFolders,
  runBuilder,
  temporaryFolder,
  type Run,
} from './builder.js';
import { CALENDAR_FIXTURE, PORTAL_FIXTURE, fixture, upgradedPortal, writeDocument } from './documents.js';

afterAll(removeTemporaryFolders);

const portalFixture = join(projectRoot, PORTAL_FIXTURE);
const calendarFixture = join(projectRoot, CALENDAR_FIXTURE);
/** What a progress display leaves in the output: carriage returns, escape sequences, spinner frames, ticks. */
const PROGRESS = /\r(?!\n)|\u001b\[|[\u2800-\u28ff]|\u2714/;

const distinctPaths = (path: string) => new Set(fixture(path).services.map((service) => service.path)).size;

describe.concurrent('generate output', () => {
  it('--json prints one JSON object with the counts of each package, and nothing else', async ({ expect }) => {
    const out = join(await temporaryFolder(), 'clients');
    const run = await runBuilder([
      'generate',
      '--discovery',
      portalFixture,
      calendarFixture,
      '--out',
      out,
      '--json',
      '--no-verify',
      '--no-cache',
    ]);
    const [calendar, portal] = [join(out, 'calendar'), join(out, 'portal')];
    const summary = {
      upToDate: false,
      format: '7.x',
      portalVersion: '7.0.6',
      packages: [
        {
          context: 'calendar',
          out: calendar,
          name: 'liferay-calendar-client',
          services: 3,
          methods: distinctPaths(CALENDAR_FIXTURE),
          actions: 9,
          models: 2,
          files: (await packageFiles(calendar)).length,
          version: '1.0.0',
        },
        {
          context: 'portal',
          out: portal,
          name: 'liferay-portal-client',
          services: 7,
          methods: distinctPaths(PORTAL_FIXTURE),
          actions: 31,
          models: 6,
          files: (await packageFiles(portal)).length,
          version: '1.0.0',
        },
      ],
    };
    expect(run).toEqual({ code: 0, stdout: `${JSON.stringify(summary, null, 2)}\n`, stderr: '' });
  });

  it('--quiet prints nothing on success, and still prints errors and drift', async ({ expect }) => {
    const work = await temporaryFolder();
    const out = join(work, 'client');
    const quiet = (...args: string[]) =>
      runBuilder(['generate', '--out', out, '--quiet', '--no-verify', '--no-cache', ...args]);
    expect(await quiet('--discovery', portalFixture)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await packageFiles(out)).length).toBeGreaterThan(0);
    expect(await quiet('--discovery', join(work, 'missing.json'))).toEqual({
      code: 10,
      stdout: '',
      stderr: `error: Cannot read the discovery file ${join(work, 'missing.json')} (no such file): check the path.\n`,
    });
    expect(await quiet('--check', '--discovery', await writeDocument(work, 'upgraded.json', upgradedPortal()))).toEqual(
      {
        code: 1,
        stdout: '',
        stderr: 'error: 1 generated package out of date: run the same command without --check to regenerate\n',
      },
    );
  });

  it('shows no progress when stderr is not a terminal, even without NO_COLOR or CI', async ({ expect }) => {
    const out = join(await temporaryFolder(), 'client');
    const options = { unset: ['NO_COLOR', 'CI', 'FORCE_COLOR'], env: { TERM: 'xterm-256color' } };
    const run = await runBuilder(
      ['generate', '--discovery', calendarFixture, '--out', out, '--no-verify', '--no-cache'],
      options,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const verbose = await runBuilder(
      ['generate', '--discovery', calendarFixture, '--out', out, '--verbose', '--no-verify', '--no-cache'],
      options,
    );
    expect(verbose.stderr).toMatch(/^format: \d+ ms$/m);
    expect(verbose.stderr).not.toMatch(PROGRESS);
    expect(verbose.stdout).not.toMatch(PROGRESS);
  });

  it('wants the progress line only on a terminal without NO_COLOR, CI or TERM=dumb', ({ expect }) => {
    const terminal = { isTTY: true };
    expect(wantsProgress(terminal, { TERM: 'xterm-256color' })).toBe(true);
    expect(wantsProgress(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(wantsProgress(terminal, { NO_COLOR: '' })).toBe(false);
    expect(wantsProgress(terminal, { CI: 'true' })).toBe(false);
    expect(wantsProgress(terminal, { TERM: 'dumb' })).toBe(false);
    expect(wantsProgress({ isTTY: false }, {})).toBe(false);
    expect(wantsProgress({}, {})).toBe(false);
  });

  // A real terminal, from util-linux `script`: the control case shows the progress line, the others must not.
  const terminalAvailable = process.platform === 'linux' && existsSync('/usr/bin/script');
  it.skipIf(!terminalAvailable)(
    'on a terminal, shows progress, but not with NO_COLOR or --quiet',
    async ({ expect }) => {
      const work = await temporaryFolder();
      const args = (name: string) => [
        'generate',
        '--discovery',
        calendarFixture,
        '--out',
        join(work, name),
        '--no-verify',
        '--no-cache',
      ];
      const [plain, noColor, quiet] = await Promise.all([
        inTerminal(args('plain'), {}),
        inTerminal(args('no-color'), { NO_COLOR: '1' }),
        inTerminal([...args('quiet'), '--quiet'], {}),
      ]);
      expect(plain.stdout).toMatch(PROGRESS);
      expect(noColor.stdout).not.toMatch(PROGRESS);
      expect(noColor.stdout).toMatch(/^wrote liferay-calendar-client to /);
      expect(quiet.stdout).toBe('');
      expect([plain.code, noColor.code, quiet.code]).toEqual([0, 0, 0]);
    },
  );

  it.skipIf(!terminalAvailable)(
    'on a terminal, reports formatting, then the staged write, its type-check and the swap, in that order',
    async ({ expect }) => {
      const work = await temporaryFolder();
      const run = await inTerminal(
        ['generate', '--discovery', calendarFixture, '--out', join(work, 'out'), '--no-cache'],
        {},
      );
      expect(run.code).toBe(0);
      const ends = [
        'Formatting',
        'Writing the files beside the output',
        'Type-checking the package',
        'Swapping the package in',
      ].map((label) => run.stdout.search(new RegExp(`${label} \\(\\d+ ms\\)`)));
      expect(ends[0]).toBeGreaterThan(-1);
      expect([...ends].sort((a, b) => a - b)).toEqual(ends);
    },
  );
});

/** The CLI with stdin, stdout and stderr on a pseudo-terminal; what it printed comes back as stdout. */
function inTerminal(args: readonly string[], env: Readonly<Record<string, string>>): Promise<Run> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, bin, ...args].map(quote).join(' ');
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(LIFERAY_|NO_COLOR$|CI$|FORCE_COLOR$)/.test(name),
  );
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...Object.fromEntries(inherited), TERM: 'xterm-256color', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal: signal ?? undefined,
        stdout: Buffer.concat(output).toString('utf8').replace(/\r\n/g, '\n'),
        stderr: '',
      }),
    );
  });
}
