import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeOf } from '../../src/cli/exit-codes.js';
import { ModelError } from '../../src/model/model-error.js';
import { parseJavaType } from '../../src/model/parse-java-type.js';
import type { JavaType, ValueClassKind } from '../../src/model/types.js';

const long: JavaType = { kind: 'primitive', name: 'long' };
const int: JavaType = { kind: 'primitive', name: 'int' };
const string: JavaType = { kind: 'string' };
const object = (className: string, ...typeArguments: JavaType[]): JavaType => ({
  kind: 'object',
  className,
  typeArguments,
});
const blogsEntry = object('com.liferay.blogs.kernel.model.BlogsEntry');
const value = (className: string, kind: ValueClassKind): JavaType => ({ kind: 'value', className, value: kind });

const cases: readonly (readonly [string, JavaType])[] = [
  ['boolean', { kind: 'primitive', name: 'boolean' }],
  ['byte', { kind: 'primitive', name: 'byte' }],
  ['char', { kind: 'primitive', name: 'char' }],
  ['short', { kind: 'primitive', name: 'short' }],
  ['int', int],
  ['long', long],
  ['float', { kind: 'primitive', name: 'float' }],
  ['double', { kind: 'primitive', name: 'double' }],
  ['java.lang.Boolean', { kind: 'primitive', name: 'boolean' }],
  ['java.lang.Byte', { kind: 'primitive', name: 'byte' }],
  ['java.lang.Character', { kind: 'primitive', name: 'char' }],
  ['java.lang.Short', { kind: 'primitive', name: 'short' }],
  ['java.lang.Integer', int],
  ['java.lang.Long', long],
  ['java.lang.Float', { kind: 'primitive', name: 'float' }],
  ['java.lang.Double', { kind: 'primitive', name: 'double' }],
  ['java.util.Date', value('java.util.Date', 'date')],
  ['java.util.Calendar', value('java.util.Calendar', 'date')],
  ['java.util.GregorianCalendar', value('java.util.GregorianCalendar', 'date')],
  ['java.sql.Timestamp', value('java.sql.Timestamp', 'date')],
  ['java.math.BigDecimal', value('java.math.BigDecimal', 'decimal')],
  // 7.x documents name a Number subclass by its simple name in lower case.
  ['bigdecimal', value('java.math.BigDecimal', 'decimal')],
  ['java.math.BigInteger', value('java.math.BigInteger', 'integer')],
  ['biginteger', value('java.math.BigInteger', 'integer')],
  ['number', { kind: 'primitive', name: 'double' }],
  ['java.lang.Number', { kind: 'primitive', name: 'double' }],
  ['java.util.TimeZone', value('java.util.TimeZone', 'text')],
  ['java.lang.Class<?>', value('java.lang.Class', 'text')],
  ['java.net.URL', value('java.net.URL', 'text')],
  ['java.lang.Object', value('java.lang.Object', 'json')],
  ['java.io.Serializable', value('java.io.Serializable', 'json')],
  ['java.io.InputStream', value('java.io.InputStream', 'json')],
  ['java.util.Optional<java.lang.String>', value('java.util.Optional', 'json')],
  ['javax.portlet.PortletPreferences', value('javax.portlet.PortletPreferences', 'json')],
  ['list<java.math.BigDecimal>', { kind: 'list', element: value('java.math.BigDecimal', 'decimal') }],
  ['java.util.Date[]', { kind: 'array', element: value('java.util.Date', 'date') }],
  [
    'com.liferay.document.library.kernel.model.DLVersionNumberIncrease',
    object('com.liferay.document.library.kernel.model.DLVersionNumberIncrease'),
  ],
  [
    'com.liferay.portal.kernel.dao.orm.QueryDefinition<com.liferay.message.boards.model.MBThread>',
    object('com.liferay.portal.kernel.dao.orm.QueryDefinition', object('com.liferay.message.boards.model.MBThread')),
  ],
  // Not a JDK package: a class like any other.
  ['javaxyz.Thing', object('javaxyz.Thing')],
  ['string', string],
  ['java.lang.String', string],
  ['void', { kind: 'void' }],
  ['java.lang.Void', { kind: 'void' }],
  ['file', { kind: 'file' }],
  ['java.io.File', { kind: 'file' }],
  ['byte[]', { kind: 'byteArray' }],
  ['[B', { kind: 'byteArray' }],
  ['byte[][]', { kind: 'array', element: { kind: 'byteArray' } }],
  ['[[B', { kind: 'array', element: { kind: 'byteArray' } }],
  ['long[]', { kind: 'array', element: long }],
  ['string[]', { kind: 'array', element: string }],
  ['int[][]', { kind: 'array', element: { kind: 'array', element: int } }],
  ['[J', { kind: 'array', element: long }],
  ['[I', { kind: 'array', element: int }],
  ['[Z', { kind: 'array', element: { kind: 'primitive', name: 'boolean' } }],
  ['[Ljava.lang.String;', { kind: 'array', element: string }],
  ['[Ljava.lang.Long;', { kind: 'array', element: long }],
  ['[Lcom.liferay.portal.model.User;', { kind: 'array', element: object('com.liferay.portal.model.User') }],
  ['[[J', { kind: 'array', element: { kind: 'array', element: long } }],
  ['list', { kind: 'list', element: null }],
  ['list<com.liferay.blogs.kernel.model.BlogsEntry>', { kind: 'list', element: blogsEntry }],
  ['java.util.List', { kind: 'list', element: null }],
  ['java.util.List<java.lang.Long>', { kind: 'list', element: long }],
  ['java.util.Collection<string>', { kind: 'list', element: string }],
  ['java.util.Set<java.lang.String>', { kind: 'list', element: string }],
  ['java.util.ArrayList<long>', { kind: 'list', element: long }],
  ['list<long[]>', { kind: 'list', element: { kind: 'array', element: long } }],
  [
    'list<com.liferay.blogs.kernel.model.BlogsEntry>[]',
    { kind: 'array', element: { kind: 'list', element: blogsEntry } },
  ],
  ['map', { kind: 'map', key: null, value: null }],
  ['java.util.Map', { kind: 'map', key: null, value: null }],
  ['map<string,string>', { kind: 'map', key: string, value: string }],
  ['map<string,string[]>', { kind: 'map', key: string, value: { kind: 'array', element: string } }],
  ['java.util.HashMap<java.lang.String, java.lang.Long>', { kind: 'map', key: string, value: long }],
  ['map<java.util.Locale,string>', { kind: 'map', key: value('java.util.Locale', 'text'), value: string }],
  [
    'map<string,list<map<string,long>>>',
    { kind: 'map', key: string, value: { kind: 'list', element: { kind: 'map', key: string, value: long } } },
  ],
  ['com.liferay.portal.kernel.service.ServiceContext', object('com.liferay.portal.kernel.service.ServiceContext')],
  ['java.util.Locale', value('java.util.Locale', 'text')],
  ['com.liferay.portal.kernel.util.OrderByComparator', object('com.liferay.portal.kernel.util.OrderByComparator')],
  [
    'com.liferay.portal.kernel.util.OrderByComparator<com.liferay.blogs.kernel.model.BlogsEntry>',
    object('com.liferay.portal.kernel.util.OrderByComparator', blogsEntry),
  ],
  [
    'com.example.Pair<java.lang.String,list<long>>',
    object('com.example.Pair', string, { kind: 'list', element: long }),
  ],
  ['java.util.List<? extends com.liferay.blogs.kernel.model.BlogsEntry>', { kind: 'list', element: blogsEntry }],
  ['java.util.List<? super java.lang.Long>', { kind: 'list', element: long }],
  ['java.util.List<?>', { kind: 'list', element: value('java.lang.Object', 'json') }],
  ['com.example.Outer$Inner', object('com.example.Outer$Inner')],
  [
    '  java.util.Map < string ,  java.util.List< java.lang.Long > >  ',
    { kind: 'map', key: string, value: { kind: 'list', element: long } },
  ],
  ['long [ ]', { kind: 'array', element: long }],
];

describe('parseJavaType', () => {
  it.each(cases)('parses %j', (text, expected) => {
    expect(parseJavaType(text)).toStrictEqual(expected);
  });

  const invalid: readonly (readonly [string, string])[] = [
    ['', 'expected a name at the end'],
    ['   ', 'expected a name at the end'],
    ['list<long', 'expected ">" at the end'],
    ['list<long>>', 'unexpected ">" at position 10'],
    ['map<string,long', 'expected ">" at the end'],
    ['list<>', 'expected a name at position 5'],
    ['long!', 'unexpected "!" at position 4'],
    ['java.util.', 'expected a name at the end'],
    ['java..util.List', 'expected a name at position 5'],
    ['1long', 'expected a name at position 0'],
    ['long[', 'expected "]" at the end'],
    ['long[x]', 'expected "]" at position 5'],
    ['java.lang.String java.lang.Long', 'unexpected "j" at position 17'],
    ['[X', 'expected a JVM array component at position 1'],
    ['[', 'expected a JVM array component at the end'],
    ['[Ljava.lang.String', 'expected ";" at the end'],
    ['int<long>', 'int takes no type arguments at position 0'],
    ['string<long>', 'string takes no type arguments at position 0'],
    ['map<string>', 'map takes two type arguments at position 0'],
    ['map<string,long,int>', 'map takes two type arguments at position 0'],
    ['list<long,int>', 'list takes one type argument at position 0'],
    ['java.util.List<? implements X>', 'unexpected "implements" after "?" at position 27'],
    ['<long>', 'expected a name at position 0'],
    ['list<int<long>>', 'int takes no type arguments at position 5'],
    ['list<'.repeat(40) + 'long' + '>'.repeat(40), 'nesting too deep at position 165'],
  ];

  it.each(invalid)('rejects %j', (text, reason) => {
    let caught: unknown;
    try {
      parseJavaType(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelError);
    const error = caught as ModelError;
    expect(error.code).toBe('model.invalid-type');
    expect(exitCodeOf(error.code)).toBe(ExitCode.invalidDocument);
    expect(error.message).toBe(`invalid Java type ${JSON.stringify(text)}: ${reason}`);
  });
});
