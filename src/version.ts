import { readFileSync } from 'node:fs';
import { packagePath } from './package-root.js';

// The CLI bundle has the version written in at build time (scripts/build-cli.mjs): no file read per run.
declare const LSB_VERSION: string | undefined;

/** The builder's own version, from its package.json (named in every generated file's header). */
export const VERSION: string =
  typeof LSB_VERSION === 'string'
    ? LSB_VERSION
    : (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
