/** The credentials the CLI tests pass, and the check that none of their forms ever reaches the output. */
import type { ExpectStatic } from 'vitest';
import type { CliRun } from './run-cli.js';

export const user = 'test@liferay.com';
export const password = 'S3cr3t-pässwörd!';
export const token = 'eyJhbGciOiJSUzI1NiJ9.S3CR3T-payload.sig';

export const passwordArgs = ['--user', user, '--password', password] as const;
export const tokenArgs = ['--token', token] as const;

export const basicHeader = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
export const bearerHeader = `Bearer ${token}`;

/** Every printable form of the secrets: as given, URL-encoded, and inside the Basic header. */
const forms = [password, encodeURIComponent(password), basicHeader.slice('Basic '.length), token, 'S3cr3t', 'S3CR3T'];

export function expectNoSecret(expect: ExpectStatic, run: Pick<CliRun, 'stdout' | 'stderr'>): void {
  for (const form of forms) {
    expect(run.stdout, `stdout shows ${form}`).not.toContain(form);
    expect(run.stderr, `stderr shows ${form}`).not.toContain(form);
  }
}
