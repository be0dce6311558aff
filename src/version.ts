import { readFileSync } from 'node:fs';

/** The builder's own version, from its package.json (named in every generated file's header). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
