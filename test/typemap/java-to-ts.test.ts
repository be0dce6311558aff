import { describe, expect, it } from 'vitest';
import { parseJavaType } from '../../src/model/index.js';
import type { Context } from '../../src/model/types.js';
import { allocateClassNames } from '../../src/typemap/class-names.js';
import { NameScope } from '../../src/typemap/identifiers.js';
import { mapJavaType, type TypePosition } from '../../src/typemap/java-to-ts.js';

/** A context whose only job is to make BlogsEntry a described model and Layout an undescribed result class. */
const context: Context = {
  name: 'portal',
  models: [
    { className: 'com.liferay.blogs.model.BlogsEntry', simpleName: 'BlogsEntry', isInterface: true, properties: [] },
  ],
  services: [
    {
      id: 'layout',
      className: 'Layout',
      pathPrefix: '/layout',
      actions: [
        {
          path: '/layout/get-layout',
          methodName: 'getLayout',
          httpMethod: 'GET',
          parameters: [],
          returns: {
            type: parseJavaType('com.liferay.portal.kernel.model.Layout'),
            typeName: 'com.liferay.portal.kernel.model.Layout',
          },
          deprecated: false,
          source: { document: 'test', entry: 'services[0]' },
        },
      ],
    },
  ],
};
const classes = allocateClassNames(context, new NameScope());

const cases: readonly (readonly [type: string, position: TypePosition, expected: string])[] = [
  ['boolean', 'parameter', 'boolean'],
  ['int', 'result', 'number'],
  ['long', 'parameter', 'number'],
  ['short', 'element', 'number'],
  ['double', 'result', 'number'],
  ['float', 'result', 'number'],
  ['byte', 'result', 'number'],
  ['char', 'parameter', 'string'],
  ['java.util.Date', 'result', 'number | null'],
  ['java.util.Date', 'element', 'number'],
  ['java.util.Date', 'parameter', 'number | Date | null'],
  ['java.util.Calendar', 'parameter', 'number | Date | null'],
  ['java.util.Date[]', 'parameter', '(number | Date)[] | null'],
  ['java.util.Date[]', 'result', 'number[]'],
  ['java.math.BigDecimal', 'parameter', 'number | string | null'],
  ['bigdecimal', 'result', 'number | null'],
  ['list<java.math.BigDecimal>', 'parameter', '(number | string)[] | null'],
  ['map<string,java.math.BigDecimal>', 'parameter', 'Record<string, number | string> | null'],
  ['map<string,java.math.BigDecimal>', 'result', 'Record<string, number>'],
  ['biginteger', 'parameter', 'number | string | null'],
  ['java.io.Serializable', 'parameter', 'unknown'],
  ['java.io.InputStream', 'parameter', 'unknown'],
  ['string', 'parameter', 'string | null'],
  ['java.lang.String', 'result', 'string | null'],
  ['java.lang.String', 'element', 'string'],
  ['java.util.Locale', 'parameter', 'string | null'],
  ['java.util.TimeZone', 'result', 'string | null'],
  ['void', 'result', 'void'],
  ['long[]', 'parameter', 'number[] | null'],
  ['long[]', 'result', 'number[]'],
  ['string[]', 'result', 'string[]'],
  ['byte[]', 'parameter', 'Uint8Array | number[] | null'],
  ['byte[]', 'result', 'number[]'],
  ['file', 'parameter', 'Upload'],
  ['java.io.File', 'parameter', 'Upload'],
  ['list', 'result', 'unknown[]'],
  ['list<com.liferay.blogs.model.BlogsEntry>', 'result', 'BlogsEntry[]'],
  ['java.util.List<java.lang.Long>', 'parameter', 'number[] | null'],
  ['list<com.liferay.portal.kernel.model.Layout>', 'result', 'Layout[]'],
  ['map', 'result', 'Record<string, unknown>'],
  ['map<string,string>', 'parameter', 'Record<string, string> | null'],
  ['map<string,string[]>', 'result', 'Record<string, string[]>'],
  ['long[][]', 'result', 'number[][]'],
  ['com.liferay.blogs.model.BlogsEntry', 'result', 'BlogsEntry | null'],
  // The document cannot tell an enum from a model: a string, an enum constant's name, is accepted too.
  ['com.liferay.blogs.model.BlogsEntry', 'parameter', 'Partial<BlogsEntry> | string | ObjectWrapper | null'],
  [
    'com.liferay.document.library.kernel.model.DLVersionNumberIncrease',
    'parameter',
    'Record<string, unknown> | string | ObjectWrapper | null',
  ],
  ['com.liferay.portal.kernel.model.Layout', 'result', 'Layout | null'],
  [
    'com.liferay.portal.kernel.util.OrderByComparator<com.liferay.blogs.model.BlogsEntry>',
    'parameter',
    'Record<string, unknown> | string | ObjectWrapper | null',
  ],
  ['com.example.model.Thing', 'parameter', 'Record<string, unknown> | string | ObjectWrapper | null'],
  ['com.liferay.portal.kernel.service.ServiceContext', 'parameter', 'ServiceContext | ObjectWrapper'],
  ['com.liferay.portal.service.ServiceContext', 'result', 'ServiceContext | null'],
  ['java.lang.Object', 'result', 'unknown'],
];

describe('mapJavaType', () => {
  it.each(cases)('%s as %s → %s', (type, position, expected) => {
    expect(mapJavaType(parseJavaType(type), position, classes)).toBe(expected);
  });

  it('names undescribed result classes with an alias and described ones with their model', () => {
    expect([...classes.models]).toEqual([['com.liferay.blogs.model.BlogsEntry', 'BlogsEntry']]);
    expect([...classes.aliases]).toEqual([['com.liferay.portal.kernel.model.Layout', 'Layout']]);
  });
});
