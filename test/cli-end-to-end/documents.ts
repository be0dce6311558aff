/**
 * Discovery documents for the CI-grade tests: the bundled 7.x fixtures as plain objects, the changes a
 * portal upgrade brings (for the drift check), a seeded shuffle (for determinism), and a pair of contexts
 * that both have a service named `entry`.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from './builder.js';

export interface RawParameter {
  readonly name: string;
  type: string;
}

export interface RawService {
  readonly method: string;
  readonly name: string;
  readonly path: string;
  readonly parameters: RawParameter[];
  readonly returns: { readonly type: string };
}

export interface RawDocument {
  readonly contextName: string;
  readonly version?: string;
  services: RawService[];
  types: unknown[];
}

export const PORTAL_FIXTURE = 'fixtures/discovery/7.x/portal.json';
export const CALENDAR_FIXTURE = 'fixtures/discovery/7.x/plugin-calendar.json';

/** A fresh copy of a fixture (a path relative to the project), free to change. */
export function fixture(path: string): RawDocument {
  return JSON.parse(readFileSync(join(projectRoot, path), 'utf8')) as RawDocument;
}

export async function writeDocument(folder: string, name: string, document: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, `${JSON.stringify(document, null, 2)}\n`);
  return path;
}

/**
 * The portal fixture after an upgrade: a service added (`/foo/get-bar`), one removed (layout), a method
 * removed (`/blogsentry/delete-entry`), a parameter's type changed (`/user/get-user-by-id` userId: long →
 * string) and an overload added (`/group/get-group` by friendlyURL).
 */
export function upgradedPortal(): RawDocument {
  const document = fixture(PORTAL_FIXTURE);
  document.services = document.services.filter(
    (service) => !service.path.startsWith('/layout/') && service.path !== '/blogsentry/delete-entry',
  );
  const getUserById = document.services.find((service) => service.path === '/user/get-user-by-id');
  if (getUserById?.parameters[0] === undefined) throw new Error('the portal fixture lost /user/get-user-by-id');
  getUserById.parameters[0].type = 'string';
  document.services.push(
    {
      method: 'GET',
      name: 'Foo#getBar',
      path: '/foo/get-bar',
      parameters: [{ name: 'barId', type: 'long' }],
      returns: { type: 'long' },
    },
    {
      method: 'GET',
      name: 'Group#getGroup',
      path: '/group/get-group',
      parameters: [{ name: 'friendlyURL', type: 'string' }],
      returns: { type: 'com.liferay.portal.kernel.model.Group' },
    },
  );
  return document;
}

/** The same document with its services and types in another order (seeded, never the original order). */
export function shuffled(document: RawDocument, seed: number): RawDocument {
  const copy = JSON.parse(JSON.stringify(document)) as RawDocument;
  copy.services = permute(copy.services, seed);
  copy.types = permute(copy.types, seed + 1);
  if (JSON.stringify(copy.services) === JSON.stringify(document.services))
    throw new Error('the shuffle kept the order: pick another seed');
  return copy;
}

function permute<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

const action = (path: string, method: string, parameters: RawParameter[], returns: string): RawService => ({
  method,
  name: `Entry#${(path.split('/').at(-1) ?? '').replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase())}`,
  path,
  parameters,
  returns: { type: returns },
});

/** Two contexts, each with a service `entry` of its own methods. */
export const PORTAL_ENTRY: RawDocument = {
  contextName: '',
  version: '7.0.6',
  services: [
    action('/entry/get-entry', 'GET', [{ name: 'entryId', type: 'long' }], 'string'),
    action('/entry/delete-entry', 'POST', [{ name: 'entryId', type: 'long' }], 'void'),
  ],
  types: [],
};

export const WIKI_ENTRY: RawDocument = {
  contextName: 'wiki',
  version: '7.0.6',
  services: [
    action(
      '/wiki.entry/get-entry',
      'GET',
      [
        { name: 'groupId', type: 'long' },
        { name: 'title', type: 'string' },
      ],
      'string',
    ),
    action('/wiki.entry/add-entry', 'POST', [{ name: 'title', type: 'string' }], 'long'),
  ],
  types: [],
};
