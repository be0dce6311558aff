/**
 * `liferay-sdk-builder mock` as users run it: the compiled CLI (built by the global setup) in a child
 * process, the URL read from its stdout, then SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, invoke, mock, request } from './mock-client.js';

import { projectRoot as root } from '../helpers/project.js';
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Cli {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
}

function run(args: readonly string[]): Cli {
  const child = spawn(process.execPath, ['bin/liferay-sdk-builder.js', 'mock', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const cli: Cli = { child, stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (cli.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (cli.stderr += chunk.toString('utf8')));
  return cli;
}

async function listening(cli: Cli): Promise<string> {
  for (;;) {
    const match = /^Mock portal listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(cli.stdout);
    if (match?.[1] !== undefined) return match[1];
    if (cli.child.exitCode !== null) throw new Error(`the mock exited with ${cli.child.exitCode}: ${cli.stderr}`);
    await once(cli.child.stdout ?? cli.child, 'data');
  }
}

describe('liferay-sdk-builder mock', () => {
  it('serves the documents until SIGTERM, logs each request without the password, and exits 0', async () => {
    const cli = run([
      '--port',
      '0',
      '--discovery',
      FIXTURES.portal7,
      FIXTURES.calendar7,
      '--user',
      'cli',
      '--password',
      's3cret-pw',
      '--seed',
      '3',
      '--latency',
      '1',
    ]);
    const url = await listening(cli);
    const authorization = `Basic ${Buffer.from('cli:s3cret-pw').toString('base64')}`;
    const body = [{ '/user/get-user-by-id': { userId: 5 } }, { '/calendar.calendar/get-calendar': { calendarId: 6 } }];
    const answer = await request(`${url}/api/jsonws/invoke`, {
      method: 'POST',
      headers: { authorization },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(200);
    // The library with the same documents and seed answers the same.
    const library = await mock({ discovery: [FIXTURES.portal7, FIXTURES.calendar7], seed: 3 });
    expect(answer.json).toEqual((await invoke(library, body)).json);
    expect((await request(`${url}/api/jsonws?discover`)).status).toBe(401);
    cli.child.kill('SIGTERM');
    const [code] = (await once(cli.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(cli.stderr).toContain('POST /api/jsonws/invoke 200 /user/get-user-by-id /calendar.calendar/get-calendar\n');
    expect(cli.stderr).toContain('GET /api/jsonws 401\n');
    expect(cli.stderr).not.toContain('s3cret-pw');
  });

  it('serves the bundled 7.x portal by default', async () => {
    const cli = run(['--port', '0']);
    const url = await listening(cli);
    const answer = await request(`${url}/api/jsonws?discover=/blogsentry/*`);
    expect(answer.json).toMatchObject({ contextName: '', version: '7.0.6' });
    cli.child.kill('SIGINT');
    expect(await once(cli.child, 'exit')).toEqual([0, null]);
  });

  it('takes --cors and --fixtures as the library does, and exits 2 on an --cors that is no origin', async () => {
    const cli = run([
      '--port',
      '0',
      '--cors',
      'http://127.0.0.1:5173',
      '--fixtures',
      `${root}test/mock/fixtures-example.json`,
    ]);
    const url = await listening(cli);
    const answer = await fetch(`${url}/api/jsonws/invoke`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:5173' },
      body: '{"/blogsentry/get-entry": {"entryId": 7}}',
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(await answer.json()).toEqual({ entryId: 7, title: 'Hello from the fixtures file' });
    cli.child.kill('SIGTERM');
    await once(cli.child, 'exit');
    const wrong = run(['--port', '0', '--cors', 'localhost']);
    const [code] = (await once(wrong.child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(wrong.stderr).toBe('error: --cors takes an origin such as http://localhost:5173, or *; got "localhost"\n');
  });

  it('exits 2 on a user without a password', async () => {
    const cli = run(['--port', '0', '--user', 'alone']);
    const [code] = (await once(cli.child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(cli.stderr).toBe('error: HTTP Basic needs both a user and a password\n');
  });
});
