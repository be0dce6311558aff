/**
 * The `generate` command line as a package records it (liferay-sdk.json, its README): the flags given, in a
 * canonical spelling and order, without credentials (never written anywhere) and without the flags that
 * change nothing in the package (output, caching, verification, timeouts), so that a run with `--verbose` does not change
 * the package. Paths are relative to the working folder (no local path in a committed file). Values are
 * quoted for a POSIX shell; the result is one line.
 */
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { redactUrl } from '../discovery/portal-url.js';
import { shellQuote } from '../render/shell-quote.js';

/** Options whose values are paths. */
const PATHS = new Set(['out', 'discovery', 'templates', 'config']);
/**
 * Credentials, and flags that decide how a run reports, fetches or checks, not what it writes (`--format` too:
 * the bundled templates already write prettier's output).
 */
const LEFT_OUT = new Set([
  'user',
  'password',
  'token',
  'passwordStdin',
  'tokenStdin',
  'check',
  'json',
  'quiet',
  'verbose',
  'cache',
  'verify',
  'format',
  'timeout',
  'retries',
  'failOn',
]);

export function recordCommand(command: Command, flags: Readonly<Record<string, unknown>>): string {
  const words = ['npx', 'liferay-sdk-builder', command.name()];
  for (const option of command.options) {
    const key = option.attributeName();
    if (LEFT_OUT.has(key) || command.getOptionValueSource(key) !== 'cli') continue;
    const given = flags[key];
    const value = PATHS.has(key)
      ? Array.isArray(given)
        ? given.map((path) => workingPath(String(path)))
        : typeof given === 'string'
          ? workingPath(given)
          : given
      : given;
    const flag = option.long ?? option.short ?? '';
    if (option.negate) words.push(flag);
    else if (value === true) words.push(flag);
    else if (Array.isArray(value))
      words.push(...(option.variadic ? value.flatMap((item) => [flag, String(item)]) : [flag, value.join(',')]));
    else if (value !== undefined && value !== false) {
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
      words.push(flag, key === 'url' ? withoutCredentials(text) : text);
    }
  }
  return words.map(shellQuote).join(' ');
}

function workingPath(path: string): string {
  return relative(process.cwd(), resolve(path)).split('\\').join('/') || '.';
}

/** The URL as given, unless it carries credentials: then without them. */
function withoutCredentials(url: string): string {
  return /^[^/]*\/\/[^/@]*@/.test(url) ? redactUrl(url) : url;
}
