/**
 * What `liferay-sdk-builder init` does: writes a commented starter `liferay-sdk.config.json`. On a terminal it
 * asks for the portal URL and the contexts (Enter keeps the default; Ctrl+C or Ctrl+D cancels, writing
 * nothing); otherwise it asks nothing.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { atomicWriteFile } from '../../write/atomic-write-file.js';
import { WriteError } from '../../write/write-error.js';
import { CliError } from '../cli-error.js';
import { parseConfig } from '../config/config.js';
import { CONFIG_FILE } from '../config/config-file.js';
import { ask, canAsk, TERMINAL } from '../prompt.js';
import type { Reporter } from '../report.js';

export interface InitFlags {
  readonly config?: string;
  readonly force?: boolean;
  readonly url?: string;
}

interface Answers {
  readonly url: string;
  readonly contexts: readonly string[];
}

export async function runInit(flags: InitFlags, reporter: Reporter): Promise<void> {
  const path = resolve(process.cwd(), flags.config ?? CONFIG_FILE);
  if (existsSync(path) && flags.force !== true) {
    throw new CliError('cli.init-exists', `${path} already exists: edit it, or use --force to replace it`);
  }
  if (flags.url !== undefined) checkUrl(flags.url);
  const defaults: Answers = { url: flags.url ?? 'http://localhost:8080', contexts: ['portal'] };
  const answers = canAsk(TERMINAL) ? await askAnswers(defaults) : defaults;
  checkUrl(answers.url);
  const text = starterConfig(answers);
  parseConfig(text, path);
  await writeAtomically(path, text);
  reporter.result(
    `wrote ${path}; set LIFERAY_USER/LIFERAY_PASSWORD (or LIFERAY_TOKEN), then run: npx liferay-sdk-builder generate`,
  );
}

/** The same rule as the schema's, said about the option rather than about a file that does not exist yet. */
function checkUrl(url: string): void {
  if (!/^https?:\/\//.test(url)) {
    const shown = url.replace(/[^/@]*@/, '***@'); // "user:password@host" without a scheme
    throw new CliError('cli.init-url', `the portal URL must start with http:// or https://, got "${shown}"`);
  }
  if (/^https?:\/\/[^/]*@/.test(url)) {
    throw new CliError(
      'cli.init-url',
      'the portal URL must not carry a user or password: set LIFERAY_USER/LIFERAY_PASSWORD or LIFERAY_TOKEN',
    );
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await atomicWriteFile(path, text);
  } catch (error) {
    throw new WriteError('write.save', `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Enter keeps a default; Ctrl+C or Ctrl+D ends the command quietly, writing nothing. */
async function askAnswers(defaults: Answers): Promise<Answers> {
  const url = (await ask(`Portal URL (${defaults.url}): `)).trim() || defaults.url;
  const contexts = (await ask('Contexts, comma separated (portal): '))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return { url, contexts: contexts.length > 0 ? contexts : defaults.contexts };
}

function starterConfig({ url, contexts }: Answers): string {
  const entries = contexts.map(
    (name) => `    {
      // "portal" is the portal's own services; other names are plugin contexts.
      "name": ${JSON.stringify(name)},
      // Where the package goes, and its npm name.
      "out": ${JSON.stringify(`generated/${name}`)},
      "packageName": ${JSON.stringify(`liferay-${name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}-client`)},
      // Call styles: "sync" (methods return promises) and "callback" (onSuccess/onFailure).
      "styles": ["sync", "callback"]
      // "filter": "blogsentry"            only one service
      // "discovery": "discovery.json"     a saved document instead of portal.url
    }`,
  );
  return `// liferay-sdk-builder configuration: \`npx liferay-sdk-builder generate\` reads it; flags override it.
// Credentials never go here: set LIFERAY_USER and LIFERAY_PASSWORD, or LIFERAY_TOKEN, in the environment.
{
  "$schema": "./node_modules/liferay-sdk-builder/src/cli/config/liferay-sdk.config.schema.json",
  "portal": {
    "url": ${JSON.stringify(url)},
    // 6.1 portals: "api/secure/jsonws"
    "jsonwsPath": "api/jsonws",
    "timeout": 30000,
    "retries": 3
  },
  "contexts": [
${entries.join(',\n')}
  ],
  // "ts" writes TypeScript sources; "js" compiled ESM JavaScript plus .d.ts.
  "emit": "ts",
  // true: name packages by portal version (v62, v7), so clients for two versions can live side by side.
  "versionSuffix": false,
  // Type-check each package before writing it.
  "verify": true
  // "templates": "templates"   a folder of templates that replace bundled ones of the same name
}
`;
}
