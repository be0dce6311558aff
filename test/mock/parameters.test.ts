import { describe, expect, it } from 'vitest';
import { error7, FIXTURES, invoke, mock } from './mock-client.js';

const entryFields = {
  title: 'Hello',
  subtitle: '',
  description: '',
  content: '<p>Hi</p>',
  displayDateMonth: 0,
  displayDateDay: 1,
  displayDateYear: 2024,
  displayDateHour: 9,
  displayDateMinute: 30,
  allowPingbacks: false,
  allowTrackbacks: false,
  trackbacks: [],
  coverImageCaption: '',
};
const imageSelector = 'com.liferay.portal.kernel.servlet.taglib.ui.ImageSelector';

const fileFields = {
  repositoryId: 20_143,
  folderId: 0,
  sourceFileName: 'a.bin',
  mimeType: 'application/octet-stream',
  title: 'A',
  description: '',
  changeLog: '',
};

describe('object parameters and the ServiceContext', () => {
  it('count +name class hints and -name nulls as given, and let serviceContext be left out', async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '/blogsentry/add-entry': {
        ...entryFields,
        '+coverImageImageSelector': imageSelector,
        'coverImageImageSelector.imageURL': 'https://example.com/cover.png',
        '-smallImageImageSelector': null,
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ title: 'Hello', subtitle: '', content: '<p>Hi</p>' });
  });

  it('accept the +name:Class form and a serviceContext given as an object', async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '/blogsentry/add-entry': {
        ...entryFields,
        [`+coverImageImageSelector:${imageSelector}`]: null,
        smallImageImageSelector: null,
        serviceContext: { scopeGroupId: 20_143 },
      },
    });
    expect(answer.status).toBe(200);
  });

  it('do not count name.key alone as the parameter name, as the portal does not', async () => {
    const portal = await mock();
    const answer = await invoke(portal, {
      '/blogsentry/add-entry': {
        ...entryFields,
        'coverImageImageSelector.imageURL': 'x',
        smallImageImageSelector: null,
      },
    });
    expect(answer.status).toBe(404);
  });
});

describe('parameter names', () => {
  it('match ignoring case on 7.x, exactly on 6.2', async () => {
    const seven = await mock();
    const answer = await invoke(seven, { '/blogsentry/get-entry': { ENTRYID: 7 } });
    expect(answer.status).toBe(200);
    expect((answer.json as Record<string, unknown>)['entryId']).toBe(7);
    const six = await mock({ discovery: [FIXTURES.portal62] });
    const miss = await invoke(six, { '/blogsentry/get-entry': { ENTRYID: 7 } });
    expect(miss.json).toMatchObject({ exception: 'java.lang.RuntimeException' });
  });

  it('may include names no overload declares; of the overloads all given, the one using most names wins', async () => {
    const portal = await mock();
    const both = await invoke(portal, {
      '/blogsentry/get-entry': { entryId: 7, groupId: 1084, urlTitle: 'hello', unrelated: 'x' },
    });
    const byUrlTitle = await invoke(portal, { '/blogsentry/get-entry': { groupId: 1084, urlTitle: 'hello' } });
    expect(both.status).toBe(200);
    expect(both.json).toEqual(byUrlTitle.json);
    expect(both.json).toMatchObject({ groupId: 1084, urlTitle: 'hello' });
    expect((both.json as Record<string, unknown>)['entryId']).not.toBe(7);
  });
});

describe('byte arrays', () => {
  it('accept "[1,2,3]", "1,2,3" and JSON arrays of signed or unsigned bytes', async () => {
    const portal = await mock();
    for (const bytes of ['[1,2,3]', ' 1, 2, 3 ', [1, -2, 255], '[-128,127]']) {
      const answer = await invoke(portal, { '/dlapp/add-file-entry': { ...fileFields, bytes } });
      expect(answer.status).toBe(200);
      expect((answer.json as Record<string, unknown>)['repositoryId']).toBe(20_143);
    }
  });

  it('refuse what is not a list of bytes', async () => {
    const portal = await mock();
    const unreadable = await invoke(portal, { '/dlapp/add-file-entry': { ...fileFields, bytes: '[1,2,' } });
    expect(unreadable.status).toBe(500);
    expect(unreadable.json).toEqual(error7('java.lang.IllegalStateException', 'Unable to deserialize object'));
    const notBytes = await invoke(portal, { '/dlapp/add-file-entry': { ...fileFields, bytes: '[1,"a"]' } });
    expect(notBytes.json).toEqual(
      error7(
        'jodd.typeconverter.TypeConversionException',
        'Unable to convert element 1 ("a") of parameter bytes to a byte',
      ),
    );
    const outOfRange = await invoke(portal, { '/dlapp/add-file-entry': { ...fileFields, bytes: [1, 2, 300] } });
    expect(outOfRange.json).toEqual(
      error7(
        'jodd.typeconverter.TypeConversionException',
        'Unable to convert element 2 (300) of parameter bytes to a byte',
      ),
    );
  });

  it('answer 6.2 conversion failures in the 6.2 shape', async () => {
    const portal = await mock({ discovery: [FIXTURES.portal62] });
    const answer = await invoke(portal, { '/dlapp/add-file-entry': { ...fileFields, bytes: '[1,-129]' } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      exception: 'jodd.typeconverter.TypeConversionException',
      message: 'Unable to convert element 1 (-129) of parameter bytes to a byte',
    });
  });
});
