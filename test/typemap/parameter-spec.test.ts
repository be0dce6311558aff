import { describe, expect, it } from 'vitest';
import { parseJavaType } from '../../src/model/index.js';
import type { ParameterSpec } from '../../src/runtime/spec.js';
import { toParameterSpec } from '../../src/typemap/parameter-spec.js';

const serviceContext = 'com.liferay.portal.kernel.service.ServiceContext';
const versionIncrease = 'com.liferay.document.library.kernel.model.DLVersionNumberIncrease';

// As the Mobile SDK: only Liferay's classes are wrapped; the portal converts every other value itself.
const cases: readonly (readonly [type: string, expected: ParameterSpec])[] = [
  ['long', 'p'],
  ['string', 'p'],
  ['long[]', 'p'],
  ['map<string,string>', 'p'],
  ['byte[]', ['p', 'bytes']],
  ['file', ['p', 'file']],
  [serviceContext, ['p', 'context', serviceContext]],
  [
    'com.liferay.portal.kernel.util.OrderByComparator<com.liferay.blogs.model.BlogsEntry>',
    ['p', 'object', 'com.liferay.portal.kernel.util.OrderByComparator'],
  ],
  [
    'com.liferay.portal.kernel.dao.orm.QueryDefinition<com.liferay.message.boards.model.MBThread>',
    ['p', 'object', 'com.liferay.portal.kernel.dao.orm.QueryDefinition'],
  ],
  ['com.liferay.commerce.context.CommerceContext', ['p', 'object', 'com.liferay.commerce.context.CommerceContext']],
  // An enum is a Liferay class too: a string given for it goes as it is (the runtime decides by the value).
  [versionIncrease, ['p', 'object', versionIncrease]],
  ['java.math.BigDecimal', 'p'],
  ['bigdecimal', 'p'],
  ['java.math.BigInteger', 'p'],
  ['java.util.Date', 'p'],
  ['java.util.Calendar', 'p'],
  ['java.util.Locale', 'p'],
  ['java.util.TimeZone', 'p'],
  ['java.lang.Object', 'p'],
  ['java.io.InputStream', 'p'],
  ['com.liferay.portal.kernel.json.JSONObject', 'p'],
  ['com.example.model.Thing', 'p'],
];

describe('toParameterSpec', () => {
  it.each(cases)('sends %s as %j', (type, expected) => {
    expect(toParameterSpec({ name: 'p', type: parseJavaType(type), typeName: type })).toStrictEqual(expected);
  });
});
