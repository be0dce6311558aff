/**
 * The validator of `liferay-sdk.config.json` against its JSON Schema, with the ajv options whose errors
 * config-error.ts describes. Compiling the schema takes about 0.1 s, so the CLI bundle replaces this module
 * with the same validator written out as code at build time (ajv's standalone code, scripts/build-cli.mjs,
 * from SCHEMA_PATH and AJV_OPTIONS below): no run of the CLI compiles it. Run from src/ (tests) or dist/, it
 * is compiled here.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { packagePath } from '../../package-root.js';
import type { Config } from './config.js';

export const SCHEMA_PATH = packagePath('src/cli/config/liferay-sdk.config.schema.json');
export const AJV_OPTIONS = { allErrors: false, strict: true, verbose: true } as const;

export const validateConfig: ValidateFunction<Config> = new Ajv(AJV_OPTIONS).compile<Config>(
  JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object,
);
