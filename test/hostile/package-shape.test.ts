/**
 * The package checks must be able to fail: a clean package passes them, and each way a payload could have
 * escaped into it (tampered by hand here) is caught.
 */
import { describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../src/render/render-package.js';
import { checkPackageFiles } from './package-shape.js';
import { modelOf, renderApi, runtime } from './run-case.js';

const document = {
  contextName: '',
  types: [{ type: 'com.evil.Entry', properties: [{ name: 'title', type: 'string' }] }],
  services: [
    {
      name: 'Entry#getEntry',
      path: '/entry/get-entry',
      parameters: [{ name: 'entryId', type: 'long' }],
      returns: { type: 'com.evil.Entry' },
    },
    {
      name: 'Entry#getEntry',
      path: '/entry/get-entry',
      parameters: [{ name: 'uuid', type: 'string' }],
      returns: { type: 'com.evil.Entry' },
    },
  ],
};

function cleanPackage(): RenderedFile[] {
  const outcome = modelOf({ format: '7.x', faulty: false, text: JSON.stringify(document) });
  if ('rejected' in outcome) throw outcome.rejected;
  return renderApi(outcome.api)[0] ?? [];
}

function tampered(path: string, change: (text: string) => string): RenderedFile[] {
  return cleanPackage().map((file) => (file.path === path ? { path, contents: change(file.contents) } : file));
}

const TYPES = 'src/services/entry.ts';
const SERVICES = 'src/services/index.ts';
const CALLBACK = 'src/callback/index.ts';

describe('the hostile package checks', () => {
  it('pass a clean package', () => {
    expect(() => checkPackageFiles(cleanPackage(), document, runtime)).not.toThrow();
  });

  it.each<[string, () => RenderedFile[], RegExp]>([
    [
      'a top-level statement',
      () => tampered(TYPES, (text) => `${text}\nglobalThis.__injected = 1;\n`),
      /unexpected ExpressionStatement: globalThis/,
    ],
    [
      'a top-level statement in the services index',
      () => tampered(SERVICES, (text) => `${text}\nglobalThis.__injected = 1;\n`),
      /unexpected ExpressionStatement: globalThis/,
    ],
    [
      'a side effect beside the class definition',
      () =>
        tampered(SERVICES, (text) =>
          text.replace('= /* @__PURE__ */ defineService', '= (globalThis.__injected = 1) && defineService'),
        ),
      /unexpected BinaryExpression/,
    ],
    [
      'a call in the actions constant',
      () => tampered(SERVICES, (text) => text.replace("'/entry/get-entry'", 'String(alert(1))')),
      /a call other than the one that defines the service class: String\(alert/,
    ],
    [
      'a computed method name',
      () => tampered(SERVICES, (text) => text.replace(/\n {2}getEntry:/, "\n  ['getEntry']:")),
      /unexpected ComputedPropertyName/,
    ],
    [
      'a computed member of the service interface',
      () => tampered(TYPES, (text) => text.replace(/\n {2}getEntry: ServiceMethod/, "\n  ['getEntry']: ServiceMethod")),
      /unexpected member: \['getEntry'\]/,
    ],
    [
      'an import type in a signature',
      () => tampered(TYPES, (text) => text.replace('entryId: number;', "entryId: import('node:fs').Stats;")),
      /: import\('node:fs'\)\.Stats$/,
    ],
    [
      'a service type alias that imports another module',
      () => tampered(SERVICES, (text) => text.replace("import('./entry.js')", 'import("node:fs")')),
      /type import or typeof in a type: import\("node:fs"\)/,
    ],
    [
      'a value import from elsewhere',
      () => tampered(TYPES, (text) => `import { exec } from 'node:child_process';\n${text}`),
      /unexpected import/,
    ],
    [
      'a value import in the services index',
      () => tampered(SERVICES, (text) => `import { exec } from 'node:child_process';\n${text}`),
      /unexpected services index/,
    ],
    [
      'a statement added to the callback index',
      () => tampered(CALLBACK, (text) => `import { exec } from 'node:child_process';\n${text}`),
      /unexpected callback index/,
    ],
    [
      'a callback service that is not callback style',
      () => tampered(CALLBACK, (text) => text.replace("<'callback'>", "<'sync'>")),
      /type import or typeof in a type|unexpected callback index/,
    ],
    [
      'a callback service made from other actions',
      () =>
        tampered(CALLBACK, (text) =>
          text.replace("'EntryService', EntryServiceActions)", "'EntryService', OtherServiceActions)"),
        ),
      /unexpected service class/,
    ],
    [
      'a payload in a property key position of code',
      () =>
        tampered(SERVICES, (text) =>
          text.replace('export const EntryServiceActions = {', 'export const EntryServiceActions = { x,'),
        ),
      /identifier x in a value position/,
    ],
    [
      'an overload dropped',
      () =>
        tampered(TYPES, (text) =>
          text
            .replace(/\s*&\s*ServiceMethod<Style, GetEntryWithUuid\w*, [^>]*>/, '')
            .replace(/ \| GetEntryWithUuid\w*/, ''),
        ),
      /sync signatures differ/,
    ],
    [
      'a file outside the package',
      () => [...cleanPackage(), { path: 'src/services/../../evil.ts', contents: '' }],
      /unexpected file path/,
    ],
    [
      'an edited runtime file',
      () => tampered('src/runtime/index.ts', (text) => `${text}\nconsole.log(1);\n`),
      /is not the runtime source/,
    ],
    [
      'a README comment closed early',
      () => tampered('README.md', (text) => text.replace('<!--', '<!-- --> <script></script>')),
      /header comment ends early/,
    ],
  ])('catch %s', (_, files, message) => {
    expect(() => checkPackageFiles(files(), document, runtime)).toThrow(message);
  });
});
