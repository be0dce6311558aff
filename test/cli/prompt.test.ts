/**
 * Questions on a terminal, driven through stand-in terminal streams: echo on for a plain answer and off for
 * a secret; Ctrl+C and Ctrl+D cancel; `--password-stdin`/`--token-stdin` read standard input.
 */
import { PassThrough } from 'node:stream';
import { describe, it } from 'vitest';
import { readSecrets } from '../../src/cli/credentials.js';
import { ask, PromptCancelled, type PromptStreams } from '../../src/cli/prompt.js';

/** A terminal: input that claims to be a TTY (raw mode a no-op), output that keeps what it was sent. */
function fakeTerminal(): { streams: PromptStreams; type: (text: string) => void; shown: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { streams: { input, output }, type: (text) => input.write(text), shown: () => chunks.join('') };
}

describe('ask', () => {
  it('shows a plain answer as it is typed', async ({ expect }) => {
    const terminal = fakeTerminal();
    const answer = ask('Portal URL: ', { streams: terminal.streams });
    terminal.type('http://portal.test\r');
    expect(await answer).toBe('http://portal.test');
    expect(terminal.shown()).toContain('Portal URL: ');
    expect(terminal.shown()).toContain('http://portal.test');
  });

  it('never shows a secret as it is typed, nor after', async ({ expect }) => {
    const terminal = fakeTerminal();
    const answer = ask('Password for test@liferay.com: ', { secret: true, streams: terminal.streams });
    terminal.type('S3cr3t-pw\r');
    expect(await answer).toBe('S3cr3t-pw');
    expect(terminal.shown()).toContain('Password for test@liferay.com: ');
    expect(terminal.shown()).not.toContain('S3cr3t');
    expect(terminal.shown().endsWith('\n')).toBe(true);
  });

  it.for([
    ['Ctrl+C', '\u0003'],
    ['Ctrl+D', '\u0004'],
  ] as const)('is cancelled by %s', async ([, key], { expect }) => {
    const terminal = fakeTerminal();
    const answer = ask('Portal URL: ', { streams: terminal.streams });
    terminal.type(key);
    const error = await answer.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(PromptCancelled);
    expect((error as PromptCancelled).code).toBe('cli.cancelled');
  });
});

describe('readSecrets', () => {
  const pipe = (text: string): PromptStreams => {
    const input = new PassThrough();
    input.end(text);
    return { input, output: new PassThrough() };
  };
  const base = { jsonwsPath: 'api/jsonws', timeout: 1000, retries: 0, url: 'http://portal.test' };

  it('reads --password-stdin and --token-stdin from standard input, less the final line break', async ({ expect }) => {
    expect(await readSecrets({ ...base, user: 'u', passwordStdin: true }, {}, pipe('pa ss\n'))).toMatchObject({
      user: 'u',
      password: 'pa ss',
    });
    expect(
      await readSecrets({ ...base, passwordStdin: true }, { LIFERAY_USER: 'env-user' }, pipe('pw\r\n')),
    ).toMatchObject({ password: 'pw' });
    expect(await readSecrets({ ...base, tokenStdin: true }, {}, pipe('tok'))).toMatchObject({ token: 'tok' });
  });

  it('refuses an empty standard input, and --password-stdin without a user', async ({ expect }) => {
    await expect(readSecrets({ ...base, user: 'u', passwordStdin: true }, {}, pipe('\n'))).rejects.toThrow(
      '--password-stdin: standard input held no password',
    );
    await expect(readSecrets({ ...base, passwordStdin: true }, {}, pipe('pw'))).rejects.toThrow(
      '--password-stdin needs a user: give --user <user> or set LIFERAY_USER',
    );
  });

  it('asks for the password of a --user on a terminal, with echo off, and not when one is given or not on a terminal', async ({
    expect,
  }) => {
    const terminal = fakeTerminal();
    const asked = readSecrets({ ...base, user: 'u' }, {}, terminal.streams);
    terminal.type('typed\r');
    expect(await asked).toMatchObject({ user: 'u', password: 'typed' });
    expect(terminal.shown()).toContain('Password for u: ');
    expect(terminal.shown()).not.toContain('typed');
    const given = { ...base, user: 'u', password: 'p' };
    expect(await readSecrets(given, {}, fakeTerminal().streams)).toBe(given);
    const fromEnv = { ...base, user: 'u' };
    expect(await readSecrets(fromEnv, { LIFERAY_PASSWORD: 'p' }, fakeTerminal().streams)).toBe(fromEnv);
    expect(await readSecrets(fromEnv, {}, pipe(''))).toBe(fromEnv);
  });
});
