/**
 * Whole discovery documents (7.x, 6.2 and legacy shapes) with hostile content in every field. A `clean`
 * document is well-formed however hostile its text, so the generator must accept it; a `faulty` one may also
 * hold garbage types, bad paths and context names, duplicate parameters, and missing or mistyped fields,
 * which must be rejected with the entry named.
 */
import fc from 'fast-check';
import { COLLIDING_CLASSES, hostileType, javaType, modelClassName } from './java-types.js';
import { hostileName, hostileText, pathSegment } from './hostile-text.js';

export type Format = '7.x' | '6.2' | 'legacy';

export interface HostileCase {
  readonly format: Format;
  readonly faulty: boolean;
  /** The document as sent: JSON text. */
  readonly text: string;
}

interface Parts {
  readonly faulty: boolean;
  readonly classes: readonly string[];
}

type Json = Record<string, unknown>;

/** A hostile document of `format` (any format when omitted). */
export function hostileCase(
  options: { readonly format?: Format; readonly faulty?: boolean } = {},
): fc.Arbitrary<HostileCase> {
  const format =
    options.format === undefined ? fc.constantFrom<Format>('7.x', '7.x', '6.2', 'legacy') : fc.constant(options.format);
  const faulty = options.faulty === undefined ? fc.nat(9).map((n) => n < 3) : fc.constant(options.faulty);
  return fc.tuple(format, faulty).chain(([shape, bad]) =>
    fc.uniqueArray(bad ? modelClassName : fc.constantFrom(...COLLIDING_CLASSES), { maxLength: 3 }).chain((classes) =>
      documentOf(shape, { faulty: bad, classes }).chain((document) =>
        (bad ? mutation(document) : fc.constant(document)).map((json) => ({
          format: shape,
          faulty: bad,
          text: JSON.stringify(json),
        })),
      ),
    ),
  );
}

function documentOf(format: Format, parts: Parts): fc.Arbitrary<Json> {
  const entries = fc.array(actionOf(format, parts), { minLength: 1, maxLength: 6 }).chain(withDuplicates);
  if (format === 'legacy') {
    return fc.record(
      { actions: entries, basePath: hostileText, discover: fc.array(hostileText, { maxLength: 2 }) },
      { requiredKeys: ['actions'] },
    );
  }
  const contextKey = format === '7.x' ? 'contextName' : 'context';
  return fc
    .record(
      {
        services: entries,
        context: contextName(parts.faulty),
        version: hostileText,
        basePath: hostileText,
        baseURL: hostileText,
        types: fc.array(modelOf(parts), { maxLength: 3 }),
        extra: extraFields(),
      },
      { requiredKeys: ['services'] },
    )
    .map(({ context, extra, ...rest }) => ({
      ...extra,
      ...rest,
      ...(context === undefined ? {} : { [contextKey]: context }),
    }));
}

/** Real context names, or (faulty) anything, `../../etc` included. */
function contextName(faulty: boolean): fc.Arbitrary<string> {
  const valid = fc.constantFrom('', 'calendar', 'calendar-portlet', 'a.b_c-1', 'Portal', 'portal');
  return faulty ? fc.oneof(valid, fc.constantFrom('../../etc', '/abs', 'a/b', '..', '.', 'C:\\x'), hostileText) : valid;
}

/** Some entries repeated, exactly or with another description: the model must collapse or overload them. */
function withDuplicates(entries: Json[]): fc.Arbitrary<Json[]> {
  return fc
    .array(fc.tuple(fc.nat(entries.length - 1), hostileText), { maxLength: 2 })
    .map((copies) => [...entries, ...copies.map(([index, description]) => ({ ...entries[index], description }))]);
}

function actionOf(format: Format, parts: Parts): fc.Arbitrary<Json> {
  const type = parts.faulty ? hostileType(parts.classes) : javaType(parts.classes);
  return fc
    .record({
      service: fc
        .constantFrom('class', 'Class', 'default', '../../etc', 'a.entry', 'b.entry', 'entry', 'x-entry')
        .chain((common) => fc.oneof(fc.constant(common), pathSegment(parts.faulty))),
      action: fc.oneof(
        fc.constantFrom('get-entry', 'getEntry', 'delete', 'then', 'constructor', '__proto__'),
        pathSegment(parts.faulty),
      ),
      extraSegment: fc.option(pathSegment(parts.faulty), { freq: 5 }),
      javaClass: fc.option(hostileName),
      javaName: fc.option(hostileName),
      method: fc.option(fc.oneof(fc.constantFrom('GET', 'POST', 'get'), hostileText)),
      parameters: parameters(parts.faulty, type),
      returns: fc.record({ type, description: hostileText }, { requiredKeys: ['type'] }),
      description: fc.option(hostileText),
      deprecated: fc.option(fc.boolean()),
      extra: extraFields(),
    })
    .map(
      ({
        service,
        action,
        extraSegment,
        javaClass,
        javaName,
        method,
        parameters: list,
        returns,
        description,
        deprecated,
        extra,
      }) => {
        const path = `/${service}${extraSegment === null ? '' : `/${extraSegment}`}/${action}`;
        const named = javaClass === null && javaName === null ? undefined : `${javaClass ?? ''}#${javaName ?? ''}`;
        const common = { ...extra, path, parameters: list, ...(method === null ? {} : { method }) };
        if (format === 'legacy') {
          return {
            ...common,
            response: returns.type,
            ...(javaClass === null ? {} : { serviceClass: `com.evil.service.${javaClass}ServiceUtil` }),
            ...(javaName === null ? {} : { name: javaName }),
          };
        }
        const key = format === '7.x' ? 'name' : 'id';
        return {
          ...common,
          returns,
          [key]: named ?? 'Anything#anything',
          ...(description === null ? {} : { description }),
          ...(deprecated === null ? {} : { deprecated }),
        };
      },
    );
}

/** Parameters with hostile names; unique per action unless faulty (the wire cannot carry a name twice). */
function parameters(faulty: boolean, type: fc.Arbitrary<string>): fc.Arbitrary<Json[]> {
  const parameter = fc.record(
    { name: hostileName, type, description: hostileText, extra: extraFields() },
    { requiredKeys: ['name', 'type', 'extra'] },
  );
  const list = fc.array(parameter, { maxLength: 4 });
  const unique = fc.uniqueArray(parameter, { maxLength: 4, selector: (entry) => entry.name });
  return (faulty ? list : unique).map((entries) => entries.map(({ extra, ...fields }) => ({ ...extra, ...fields })));
}

function modelOf(parts: Parts): fc.Arbitrary<Json> {
  const type = parts.faulty ? hostileType(parts.classes) : javaType(parts.classes, 2);
  return fc.record(
    {
      type: parts.faulty ? modelClassName : fc.constantFrom(...COLLIDING_CLASSES, ...parts.classes),
      interface: fc.boolean(),
      properties: fc.array(fc.record({ name: hostileName, type }), { maxLength: 4 }),
    },
    { requiredKeys: ['type'] },
  );
}

/** Fields no format defines: a portal may add anything, `__proto__` included (as an own property). */
function extraFields(): fc.Arbitrary<Json> {
  const key = hostileName.filter((name) => !KNOWN_FIELDS.has(name));
  return fc
    .array(fc.tuple(key, fc.jsonValue({ maxDepth: 2 })), { maxLength: 2 })
    .map((pairs) => Object.fromEntries(pairs) as Json);
}

const KNOWN_FIELDS = new Set([
  'path',
  'parameters',
  'returns',
  'response',
  'name',
  'id',
  'method',
  'type',
  'description',
  'deprecated',
  'serviceClass',
  'interface',
  'properties',
]);

/** One field somewhere in the document removed or given a value of the wrong JSON type. */
function mutation(document: Json): fc.Arbitrary<Json> {
  const list = (document['services'] ?? document['actions']) as Json[];
  const listKey = document['services'] === undefined ? 'actions' : 'services';
  const fields = ['path', 'parameters', 'returns', 'response', 'name', 'id', 'description', 'deprecated', 'method'];
  return fc
    .option(
      fc.tuple(
        fc.nat(list.length - 1),
        fc.constantFrom(...fields),
        fc.constantFrom(undefined, null, 42, true, [], {}, ''),
      ),
      { freq: 2 },
    )
    .map((change) => {
      if (change === null) return document;
      const [index, field, value] = change;
      const entries = list.map((entry, at) =>
        at === index
          ? (Object.fromEntries([
              ...Object.entries(entry).filter(([key]) => key !== field),
              ...(value === undefined ? [] : [[field, value]]),
            ]) as Record<string, unknown>)
          : entry,
      );
      return { ...document, [listKey]: entries };
    });
}
