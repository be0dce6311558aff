/**
 * The smallest documents that showed each bug the hostile-document properties (or reading for them) found,
 * as plain examples: each failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { BuilderError } from '../../src/errors.js';
import { assignServiceIds } from '../../src/model/index.js';
import { htmlToText } from '../../src/render/html-to-text.js';
import { HELPERS } from '../../src/render/helpers.js';
import { NameScope } from '../../src/typemap/identifiers.js';
import { mapContext } from '../../src/typemap/index.js';
import { verifyBatch } from './batch-check.js';
import { checkPackageFiles } from './package-shape.js';
import { modelOf, renderApi, runtime } from './run-case.js';

type Json = Record<string, unknown>;

const action = (path: string, parameters: Json[] = [], returns = 'void'): Json => ({
  name: 'A#b',
  path,
  parameters,
  returns: { type: returns },
});
const v7 = (services: Json[], extra: Json = {}): string => JSON.stringify({ ...extra, services });

function rejection(text: string): BuilderError {
  const outcome = modelOf({ format: '7.x', faulty: true, text });
  if (!('rejected' in outcome)) throw new Error('the document was accepted');
  return outcome.rejected;
}

function generated(text: string) {
  const outcome = modelOf({ format: '7.x', faulty: false, text });
  if ('rejected' in outcome) throw outcome.rejected;
  const [files] = renderApi(outcome.api);
  if (files === undefined) throw new Error('no package');
  checkPackageFiles(files, outcome.document, runtime);
  const [context] = outcome.api.contexts;
  if (context === undefined) throw new Error('no context');
  return {
    files,
    typed: mapContext(context),
    text: (path: string) => files.find((file) => file.path === path)?.contents ?? '',
  };
}

describe('documents that broke the generator', () => {
  it('a context name that leaves generated/ ("../../etc") is refused, naming the field', () => {
    const v62 = JSON.stringify({
      context: '../../etc',
      services: [{ id: 'A#b', path: '/a/b', parameters: [], returns: { type: 'void' } }],
    });
    expect(rejection(v62).message).toBe(
      'hostile.json context: invalid context name "../../etc": expected up to 100 letters, digits, ".", "-" or "_", not starting with "." or "-"',
    );
    expect(rejection(v7([action('/a/b')], { contextName: 'a/b' })).message).toMatch(
      /^hostile\.json contextName: invalid context name "a\/b"/,
    );
  });

  it('a service id thousands of characters long, or a Windows device name, still makes a short file name', () => {
    const { files } = generated(v7([action(`/${'a'.repeat(3000)}/b`), action('/con/b'), action('/Lpt1/b')]));
    const services = files.filter((file) => file.path.startsWith('src/services/')).map((file) => file.path);
    expect(services).toEqual([
      `src/services/${'a'.repeat(100)}.ts`,
      'src/services/con-service.ts',
      'src/services/index.ts',
      'src/services/lpt1-service.ts',
    ]);
  });

  it("methods named like Object.prototype members get a suffix (TypeScript typed `actions.toLocaleString` as Object's)", () => {
    const names = [
      'to-locale-string',
      'has-own-property',
      'is-prototype-of',
      'property-is-enumerable',
      '__define-getter__',
      '__lookup-setter__',
    ];
    const { typed } = generated(v7(names.map((name) => action(`/a/${name}`))));
    expect(typed.services[0]?.methods.map((method) => method.name)).toEqual([
      '__defineGetter___',
      '__lookupSetter___',
      'hasOwnProperty_',
      'isPrototypeOf_',
      'propertyIsEnumerable_',
      'toLocaleString_',
    ]);
  });

  it('a parameter named like a runtime export does not import that export twice', () => {
    const names = ['defineService', 'defineCallbackService', 'ServiceMethod', 'ObjectWrapper', 'Upload'];
    const { typed, text } = generated(
      v7([
        action(
          '/a/b',
          names.map((name) => ({ name, type: 'long' })),
        ),
      ]),
    );
    expect(typed.services[0]?.runtimeImports).toEqual([]);
    const imports = (path: string) =>
      text(path)
        .split('\n')
        .filter((line) => line.startsWith('import'));
    expect(imports('src/services/a.ts').map((line) => line.replace(/,\s*}/, ' }'))).toEqual([
      "import type { CallStyle, ServiceMethod } from '../runtime/index.js';",
    ]);
    expect(imports('src/services/index.ts').filter((line) => line.includes('defineService'))).toEqual([
      "import { defineService, type ActionSpec } from '../runtime/internal.js';",
    ]);
    expect(imports('src/callback/index.ts').filter((line) => line.includes('defineCallbackService'))).toEqual([
      "import { defineCallbackService } from '../runtime/internal.js';",
    ]);
  });

  it('models named like any runtime export are renamed, including exports a hand-kept list missed', () => {
    const types = ['Command', 'Bytes', 'AutoBatchOptions', 'TransportKind', 'Session'].map((name) => ({
      type: `com.evil.${name}`,
      properties: [],
    }));
    const { text } = generated(v7([action('/a/b')], { types }));
    expect(text('src/models.ts').match(/export interface \w+/g)).toEqual([
      'export interface ServiceContext',
      'export interface AutoBatchOptions2',
      'export interface Bytes2',
      'export interface Command2',
      'export interface Session2',
      'export interface TransportKind2',
    ]);
  });

  it('a model property of type file imports Upload into models.ts', () => {
    const types = [{ type: 'com.evil.Document', properties: [{ name: 'content', type: 'java.io.File' }] }];
    const { text } = generated(v7([action('/a/b', [], 'com.evil.Document')], { types }));
    expect(text('src/models.ts')).toMatch(/^import type \{ Upload \} from '\.\/runtime\/index\.js';$/m);
  });

  it('two parameters with one name are refused, naming the second', () => {
    const parameters = [
      { name: 'a', type: 'long' },
      { name: 'a', type: 'string' },
    ];
    expect(rejection(v7([action('/a/b', parameters)])).message).toBe(
      'hostile.json services[0].parameters[1]: the parameter name "a" is also parameters[0]\'s: the portal could not tell them apart',
    );
  });

  it('thousands of array dimensions are refused as too deep, not a stack overflow', () => {
    const error = rejection(v7([action('/a/b', [], `long${'[]'.repeat(10_000)}`)]));
    expect(error.message).toMatch(
      /^hostile\.json services\[0\]\.returns: invalid Java type "long(\[\]){147}\[…": nesting too deep at position 68$/,
    );
  });

  it('the packages of these documents type-check', async () => {
    const documents = [
      v7([action('/a/to-locale-string'), action('/a/has-own-property'), action('/a/value-of')]),
      v7([
        action('/a/b', [
          { name: 'invokeWithCallback', type: 'long' },
          { name: 'ObjectWrapper', type: 'com.evil.X' },
        ]),
      ]),
      v7([action('/a/b', [], 'com.evil.Document')], {
        types: [
          { type: 'com.evil.Document', properties: [{ name: 'content', type: 'java.io.File' }] },
          { type: 'com.evil.Command' },
        ],
      }),
    ];
    await verifyBatch(documents.map((document) => generated(document).files));
  });
});

describe('text that took quadratic time or came out wrong', () => {
  it('descriptions of many "<" convert in linear time', () => {
    expect(htmlToText('<'.repeat(200_000))).toEqual(['<'.repeat(200_000)]);
    expect(htmlToText('<li'.repeat(100_000))).toEqual(['<li'.repeat(100_000)]);
  });

  it('"&constructor;" is not an entity (it printed Object\'s source)', () => {
    expect(htmlToText('a &constructor; &lt;b&gt;')).toEqual(['a &constructor; <b>']);
  });

  it('one name claimed 20,000 times gets its suffixes in linear time', () => {
    const scope = new NameScope();
    const names = Array.from({ length: 20_000 }, () => scope.claim('get'));
    expect([names[0], names[1], names[19_999]]).toEqual(['get', 'get2', 'get20000']);
  });

  it('20,000 prefixed segments of one service name get their ids in linear time', () => {
    const ids = assignServiceIds(Array.from({ length: 20_000 }, (_, index) => `m${index}.entry`));
    expect([ids.get('m0.entry'), ids.get('m19999.entry')]).toEqual(['m0-entry', 'm19999-entry']);
  });

  it('an HTML comment cannot be ended by "--!>" either', () => {
    expect(HELPERS.comment('7.4 --!> <script>x</script> -->')).toBe('7.4 --!\\> <script>x</script> --\\>');
  });
});
