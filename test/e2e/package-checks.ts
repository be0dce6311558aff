/**
 * The checks every generated package must pass, whatever document it came from: it compiles, it declares
 * exactly the document's overloads (sync and callback style), its runtime specs match, and every
 * overload reaches the wire under its own path and keys. Registered once per fixture by the test files.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { buildPackage, methodOf, serviceClass, type BuiltPackage, type ServiceClass } from './built-package.js';
import { actionTables, declaredOverloads, overloadParameters, specOverloads } from './declared-overloads.js';
import { asNameSets, documentActions, overloadsByPath } from './fixture-documents.js';
import { commandsOf, echoInvoke, type WireCommand } from './invoke-portal.js';

export function checkGeneratedPackage(label: string, fixture: string): void {
  describe(`the package generated from ${fixture}`, () => {
    let built: BuiltPackage;
    let tables: Awaited<ReturnType<typeof actionTables>>;
    const expected = overloadsByPath(fixture);
    beforeAll(async () => {
      built = await buildPackage(fixture, label);
      tables = await actionTables(built);
    });

    it('compiles to every file its package.json exports, and a types module per service', async () => {
      const services = new Set([...expected.keys()].map((path) => path.split('/')[1]));
      expect([...tables.keys()].length).toBe(services.size);
      const manifest = JSON.parse(await readFile(join(built.out, 'package.json'), 'utf8')) as {
        exports: Record<string, Record<string, string>>;
      };
      const targets = Object.values(manifest.exports).flatMap((conditions) => Object.values(conditions));
      expect(targets).toEqual(
        expect.arrayContaining([
          './dist/index.js',
          './dist/callback/index.js',
          './dist/services/*.js',
          './dist/services/*.d.ts',
        ]),
      );
      const typesModules = (await readdir(join(built.dist, 'services')))
        .filter((file) => file.endsWith('.d.ts') && file !== 'index.d.ts')
        .map((file) => file.slice(0, -'.d.ts'.length));
      expect(typesModules).toHaveLength(services.size);
      // A pattern ("./dist/services/*.js") stands for every service's types module.
      const files = targets.flatMap((target) =>
        target.includes('*') ? typesModules.map((id) => target.replace('*', id)) : [target],
      );
      for (const file of files) expect(existsSync(join(built.out, file)), file).toBe(true);
      const callback = await built.callback();
      for (const name of tables.keys()) expect(typeof callback[name], name).toBe('function');
    });

    it('declares one sync-style overload signature per action of the document', () => {
      const declared = declaredOverloads(built, 'services', tables);
      expect(asNameSets(declared)).toEqual(asNameSets(expected));
      // Exactly one signature per name set: none repeated.
      expect([...declared.values()].flat().length).toBe([...asNameSets(expected).values()].flat().length);
    });

    it('declares one callback-style overload signature per action of the document', () => {
      expect(asNameSets(declaredOverloads(built, 'callback', tables))).toEqual(asNameSets(expected));
    });

    it('gives the runtime one parameter list per action, in the document order', () => {
      expect(specOverloads(tables)).toEqual(expected);
    });

    it('sends every overload (uploads aside) under its path with its keys, in one batch', async () => {
      const portal = await startPortalServer(echoInvoke);
      try {
        const { sent, uploads, expectedCommands } = await callEveryOverload(built, tables, portal, fixture);
        expect(portal.requests.length).toBe(1);
        expect(commandsOf(portal.requests[0])).toEqual(expectedCommands);
        expect(sent).toBe(expectedCommands.length);
        expect(sent + uploads).toBe(documentActions(fixture).length);
      } finally {
        await portal.close();
      }
    });
  });
}

/**
 * Calls each overload through its generated method with every parameter null except the ServiceContext,
 * which is left out. The expected wire form comes from the document: its names in order, minus the
 * parameters whose type is a ServiceContext.
 */
async function callEveryOverload(
  built: BuiltPackage,
  tables: Awaited<ReturnType<typeof actionTables>>,
  portal: PortalServer,
  fixture: string,
) {
  const contexts = serviceContextNames(fixture);
  const services = new Map<string, ServiceClass>();
  const main = await built.main();
  for (const name of tables.keys()) services.set(name, serviceClass(main, name));
  const session = new main.Session({ server: portal.url });
  const expectedCommands: WireCommand[] = [];
  let uploads = 0;
  try {
    const results = await session.batch((batch) => {
      const calls: unknown[] = [];
      for (const [id, table] of tables) {
        const service = new (services.get(id) as ServiceClass)(batch);
        for (const [method, [path, overloads]] of Object.entries(table)) {
          for (const specs of overloads.map(overloadParameters)) {
            if (specs.some((spec) => Array.isArray(spec) && spec[1] === 'file')) {
              uploads += 1;
              continue;
            }
            const names = specs.map((spec) => (typeof spec === 'string' ? spec : String((spec as unknown[])[0])));
            const omitted = contexts.get(`${path}(${names.join(',')})`) ?? [];
            const wire = Object.fromEntries(
              names.filter((name) => !omitted.includes(name)).map((name) => [name, null]),
            );
            calls.push(methodOf(service, method)({ ...wire }));
            expectedCommands.push({ [path]: wire });
          }
        }
      }
      return calls;
    });
    return { sent: results.length, uploads, expectedCommands };
  } finally {
    await session.close();
  }
}

/** Per "path(names)", the parameters of that document entry whose type is a ServiceContext. */
function serviceContextNames(fixture: string): Map<string, string[]> {
  const entries = documentActions(fixture).map(
    (action) =>
      [
        `${action.path}(${action.parameters.map((parameter) => parameter.name).join(',')})`,
        action.parameters
          .filter((parameter) => /(^|\.)ServiceContext$/.test(parameter.type))
          .map((parameter) => parameter.name),
      ] as const,
  );
  return new Map(entries);
}
