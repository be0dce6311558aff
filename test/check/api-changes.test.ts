/**
 * Every kind of API change, classified as an app would feel it: two versions of a small portal go through
 * the real pipeline (model, type mapping, templates), and the release compares the modules they render with
 * the TypeScript checker. One case per rule of the semver classification.
 */
import { describe, expect, it } from 'vitest';
import type { DiscoveryDocument, V7Service, RawModelType } from '../../src/discovery/formats/types.js';
import type { ApiChange } from '../../src/check/api-changes.js';
import type { PreviousPackage } from '../../src/check/previous-package.js';
import { planRelease } from '../../src/check/release.js';
import { buildApi } from '../../src/model/index.js';
import { loadTemplates } from '../../src/render/handlebars.js';
import { toProvenance } from '../../src/render/provenance.js';
import { joinSections, type RenderedFile } from '../../src/render/render-package.js';
import { renderPackages } from '../../src/render/render-packages.js';
import { loadRuntimeFiles } from '../../src/render/runtime-sources.js';
import { mapContext } from '../../src/typemap/index.js';

const templates = loadTemplates();
const runtime = loadRuntimeFiles();
/** Both versions made by this generator, with this runtime: no runtime change. */
const PROVENANCE = toProvenance(
  { format: '7.x', portalVersion: '7.0.6', contexts: [] },
  { name: 'portal', services: [], models: [] },
  runtime,
  undefined,
);

const action = (path: string, parameters: string, returns = 'void', extra: Partial<V7Service> = {}): V7Service => ({
  path,
  name: `Entry#${path.split('/').pop() ?? ''}`,
  parameters: parameters
    .split(', ')
    .filter(Boolean)
    .map((parameter) => ({ name: parameter.split(':')[0] ?? '', type: parameter.split(':')[1] ?? 'long' })),
  returns: { type: returns },
  ...extra,
});

const MODEL: RawModelType = {
  type: 'com.liferay.blogs.model.Entry',
  properties: [
    { name: 'entryId', type: 'long' },
    { name: 'title', type: 'java.lang.String' },
  ],
};

/** The base portal: one service with a method of two overloads, a plain method, a model. */
function base(): V7Service[] {
  return [
    action('/entry/get-entry', 'entryId', 'com.liferay.blogs.model.Entry'),
    action('/entry/get-entries', 'groupId, start:int, end:int', 'java.util.List<com.liferay.blogs.model.Entry>'),
    action(
      '/entry/get-entries',
      'groupId, status:int, start:int, end:int',
      'java.util.List<com.liferay.blogs.model.Entry>',
    ),
    action('/entry/count', 'groupId, title:java.lang.String', 'int'),
    action('/entry/get-title', 'entryId', 'java.lang.String'),
    action('/folder/get-folder', 'folderId', 'long'),
  ];
}

function render(services: V7Service[], types: RawModelType[] = [MODEL]): RenderedFile[] {
  const document: DiscoveryDocument = {
    format: '7.x',
    source: 'doc.json',
    context: '',
    document: { contextName: '', version: '7.0.6', services, types },
  };
  const api = buildApi([document]);
  const context = api.contexts[0];
  if (context === undefined) throw new Error('no context');
  const [rendered] = renderPackages(api, [mapContext(context)], {
    options: { discovery: ['doc.json'] },
    templates,
    runtime,
  });
  return (rendered?.files ?? []).map((file) => ({
    path: file.path,
    contents: joinSections(file.sections.map((section) => section.text)),
  }));
}

function previousOf(files: readonly RenderedFile[]): PreviousPackage {
  const services = new Map(
    files.flatMap((file) => {
      const stem = /^src\/services\/([^/]+)\.ts$/.exec(file.path)?.[1];
      return stem === undefined || stem === 'index' ? [] : [[stem, { path: file.path, text: file.contents }] as const];
    }),
  );
  const models = files.find((file) => file.path === 'src/models.ts');
  return {
    out: 'p',
    version: '1.4.2',
    changelog: undefined,
    provenance: PROVENANCE,
    sources: {
      services,
      models: models === undefined ? undefined : { path: models.path, text: models.contents },
      runtime: files
        .filter((file) => file.path.startsWith('src/runtime/'))
        .map((file) => ({ path: file.path, text: file.contents })),
    },
  };
}

async function changes(
  after: V7Service[],
  types?: RawModelType[],
): Promise<readonly Pick<ApiChange, 'semver' | 'message'>[]> {
  const release = await planRelease({
    previous: previousOf(render(base())),
    files: render(after, types),
    provenance: PROVENANCE,
    pinnedVersion: undefined,
    contents: { services: [], models: [], summary: '' },
  });
  return release.changes.map(({ semver, message }) => ({ semver, message }));
}

const without = (path: string, parameters?: string) =>
  base().filter(
    (entry) =>
      !(
        entry.path === path &&
        (parameters === undefined || entry.parameters.map((p) => p.name).join(', ') === parameters)
      ),
  );
const replaced = (path: string, parameters: string, next: V7Service) => [...without(path, parameters), next];

describe('API changes, classified', () => {
  it.each<[string, () => V7Service[], readonly Pick<ApiChange, 'semver' | 'message'>[], RawModelType[]?]>([
    ['nothing', base, []],
    [
      'a service removed: major',
      () => without('/folder/get-folder'),
      [{ semver: 'major', message: 'service FolderService removed' }],
    ],
    [
      'a service added: minor',
      () => [...base(), action('/tag/get-tag', 'tagId')],
      [{ semver: 'minor', message: 'service TagService added' }],
    ],
    [
      'a method removed: major',
      () => without('/entry/count'),
      [{ semver: 'major', message: 'method EntryService.count removed' }],
    ],
    [
      'a method added: minor',
      () => [...base(), action('/entry/delete-entry', 'entryId')],
      [{ semver: 'minor', message: 'method EntryService.deleteEntry added' }],
    ],
    [
      'an overload removed: major',
      () => without('/entry/get-entries', 'groupId, status, start, end'),
      [{ semver: 'major', message: 'overload EntryService.getEntries(groupId, status, start, end) removed' }],
    ],
    [
      'an overload added: minor',
      () => [...base(), action('/entry/get-entries', 'groupId', 'java.util.List<com.liferay.blogs.model.Entry>')],
      [{ semver: 'minor', message: 'overload EntryService.getEntries(groupId) added' }],
    ],
    [
      'a required parameter added: major',
      () =>
        replaced(
          '/entry/count',
          'groupId, title',
          action('/entry/count', 'groupId, title:java.lang.String, status:int', 'int'),
        ),
      [
        {
          semver: 'major',
          message: 'EntryService.count(groupId, title): status added; now EntryService.count(groupId, title, status)',
        },
      ],
    ],
    [
      'a ServiceContext added, which an app may leave out: minor',
      () =>
        replaced(
          '/entry/count',
          'groupId, title',
          action(
            '/entry/count',
            'groupId, title:java.lang.String, serviceContext:com.liferay.portal.kernel.service.ServiceContext',
            'int',
          ),
        ),
      [
        {
          semver: 'minor',
          message:
            'EntryService.count(groupId, title): serviceContext added (optional); now EntryService.count(groupId, title, serviceContext)',
        },
      ],
    ],
    [
      'a parameter removed: major',
      () => replaced('/entry/count', 'groupId, title', action('/entry/count', 'groupId', 'int')),
      [
        {
          semver: 'major',
          message: 'EntryService.count(groupId, title): title removed; now EntryService.count(groupId)',
        },
      ],
    ],
    [
      'a parameter renamed: major',
      () => replaced('/entry/count', 'groupId, title', action('/entry/count', 'groupId, name:java.lang.String', 'int')),
      [
        {
          semver: 'major',
          message: 'EntryService.count(groupId, title): title renamed to name; now EntryService.count(groupId, name)',
        },
      ],
    ],
    [
      'a parameter type narrowed: major',
      () => replaced('/entry/count', 'groupId, title', action('/entry/count', 'groupId, title:char', 'int')),
      [{ semver: 'major', message: 'EntryService.count(groupId, title): title narrowed from string | null to string' }],
    ],
    [
      'a parameter type widened: minor',
      () =>
        replaced('/entry/count', 'groupId, title', action('/entry/count', 'groupId, title:java.lang.Object', 'int')),
      [{ semver: 'minor', message: 'EntryService.count(groupId, title): title widened from string | null to unknown' }],
    ],
    [
      'a parameter type changed incompatibly: major',
      () => replaced('/entry/count', 'groupId, title', action('/entry/count', 'groupId, title:boolean', 'int')),
      [{ semver: 'major', message: 'EntryService.count(groupId, title): title changed from string | null to boolean' }],
    ],
    [
      'a result changed incompatibly: major',
      () =>
        replaced(
          '/entry/count',
          'groupId, title',
          action('/entry/count', 'groupId, title:java.lang.String', 'java.lang.String'),
        ),
      [
        {
          semver: 'major',
          message: 'result of EntryService.count(groupId, title) changed from number to string | null',
        },
      ],
    ],
    [
      'a result narrowed: minor',
      () => replaced('/entry/get-title', 'entryId', action('/entry/get-title', 'entryId', 'char')),
      [{ semver: 'minor', message: 'result of EntryService.getTitle(entryId) narrowed from string | null to string' }],
    ],
    [
      'a result widened: major',
      () =>
        replaced(
          '/entry/count',
          'groupId, title',
          action('/entry/count', 'groupId, title:java.lang.String', 'java.lang.Object'),
        ),
      [{ semver: 'major', message: 'result of EntryService.count(groupId, title) changed from number to unknown' }],
    ],
    [
      'a model added: minor',
      base,
      [{ semver: 'minor', message: 'model Folder added' }],
      [MODEL, { type: 'com.liferay.document.model.Folder', properties: [{ name: 'folderId', type: 'long' }] }],
    ],
    [
      'a description: patch',
      () =>
        replaced(
          '/entry/count',
          'groupId, title',
          action('/entry/count', 'groupId, title:java.lang.String', 'int', { description: 'Counts the entries.' }),
        ),
      [{ semver: 'patch', message: 'description of EntryService.count changed' }],
    ],
    [
      'a deprecation: patch',
      () =>
        replaced(
          '/folder/get-folder',
          'folderId',
          action('/folder/get-folder', 'folderId', 'long', { deprecated: true }),
        ),
      [{ semver: 'patch', message: 'FolderService.getFolder deprecated' }],
    ],
    [
      'a model property removed: major',
      base,
      [{ semver: 'major', message: 'property Entry.title removed' }],
      [{ ...MODEL, properties: [{ name: 'entryId', type: 'long' }] }],
    ],
    [
      'a model property changed: major',
      base,
      [{ semver: 'major', message: 'property Entry.title changed from string to number' }],
      [
        {
          ...MODEL,
          properties: [
            { name: 'entryId', type: 'long' },
            { name: 'title', type: 'long' },
          ],
        },
      ],
    ],
    [
      'a model property added: minor',
      base,
      [{ semver: 'minor', message: 'property Entry.status added' }],
      [
        {
          ...MODEL,
          properties: [...(MODEL as unknown as { properties: object[] }).properties, { name: 'status', type: 'int' }],
        } as unknown as RawModelType,
      ],
    ],
  ])(
    '%s',
    async (_name, after, expected, types) => {
      expect(await changes(after(), types)).toEqual(expected);
    },
    60_000,
  );
});
