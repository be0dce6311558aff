import { describe, expect, it } from 'vitest';
import {
  NameScope,
  isSafeIdentifier,
  toFileName,
  toMemberIdentifier,
  toPropertyKey,
  toTypeIdentifier,
} from '../../src/typemap/identifiers.js';
import { toCommentLines, toCommentText, toStringLiteral } from '../../src/typemap/safe-text.js';

describe('identifiers', () => {
  it.each([
    ['BlogsEntry', 'BlogsEntry'],
    ['blogsEntry', 'BlogsEntry'],
    ['class', 'Class'],
    ['Map', 'MapModel'],
    ['Promise', 'PromiseModel'],
    ['1st', '_1st'],
    ['my-type.name', 'MyTypeName'],
    ['Ünïcode', 'Unicode'],
    ['', '_'],
    ['a\u200bb', 'AB'],
  ])('type %j → %j', (input, expected) => {
    expect(toTypeIdentifier(input)).toBe(expected);
    expect(isSafeIdentifier(toTypeIdentifier(input))).toBe(true);
  });

  it.each([
    ['getGroupEntries', 'getGroupEntries'],
    ['constructor', 'constructor_'],
    ['then', 'then_'],
    ['__proto__', '__proto___'],
    ['delete', 'delete_'],
    ['default', 'default_'],
    ['GetX', 'getX'],
    ['9lives', '_9lives'],
    ['${x}`', 'x'],
  ])('member %j → %j', (input, expected) => {
    expect(toMemberIdentifier(input)).toBe(expected);
    expect(isSafeIdentifier(toMemberIdentifier(input))).toBe(true);
  });

  it.each([
    ['blogsentry', 'blogsentry'],
    ['../../etc', 'etc'],
    ['a/b\\c', 'a-b-c'],
    ['Calendar.CalendarBooking', 'calendar-calendarbooking'],
    ['...', 'service'],
  ])('file name %j → %j', (input, expected) => {
    expect(toFileName(input)).toBe(expected);
  });

  it('quotes property keys that are not identifiers', () => {
    expect(toPropertyKey('groupId')).toBe('groupId');
    expect(toPropertyKey('1st')).toBe('"1st"');
    expect(toPropertyKey('a"b')).toBe('"a\\"b"');
  });

  it('hands out unique names regardless of case', () => {
    const scope = new NameScope(['Session']);
    expect([scope.claim('Session'), scope.claim('entry'), scope.claim('Entry'), scope.claim('Entry')]).toEqual([
      'Session2',
      'entry',
      'Entry2',
      'Entry3',
    ]);
  });
});

describe('safe text', () => {
  it('cannot end a comment, a line, or start a tag', () => {
    expect(toCommentText('a */ b')).toBe('a *\\/ b');
    expect(toCommentText('x\ny\u2028z')).toBe('x y z');
    expect(toCommentText('@deprecated no')).toBe('\\@deprecated no');
    expect(toCommentLines('one\r\ntwo */\n')).toEqual(['one', 'two *\\/']);
  });

  it('makes string literals that evaluate to the original text', () => {
    for (const text of [
      'plain',
      'quote " and \\ backslash',
      '${x} `tick`',
      'line\nbreak',
      '\u2028\u2029',
      '</script>',
    ]) {
      const literal = toStringLiteral(text);
      expect(literal).not.toMatch(/[\n\u2028\u2029]/);
      // JavaScript itself reads the literal back: the one judge of what it means.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      expect((new Function(`return ${literal};`) as () => unknown)()).toBe(text);
    }
  });
});
