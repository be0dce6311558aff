/**
 * Finds where a text stops being JSON. Node 20's JSON.parse messages quote a snippet instead of giving a
 * position for most errors, so a failed parse is re-scanned here to report line, column and offset.
 */

export interface JsonErrorLocation {
  /** Offset of the offending character (0-based, in UTF-16 code units as JSON.parse counts). */
  readonly position: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** What was expected and what was found: "expected ',' or '}', found ']'". */
  readonly problem: string;
}

interface Cursor {
  readonly text: string;
  at: number;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first syntax error of `text`, or undefined when it is valid JSON (or too deeply nested to scan). */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const cursor: Cursor = { text, at: 0 };
  try {
    scanValue(cursor);
    skipSpace(cursor);
    if (cursor.at < text.length) expected(cursor, 'the end of the document');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) return undefined;
    const before = text.slice(0, error.at);
    const line = before.split('\n').length;
    const column = error.at - before.lastIndexOf('\n');
    return { position: error.at, line, column, problem: error.problem };
  }
}

function expected(cursor: Cursor, what: string): never {
  const found = cursor.text[cursor.at];
  throw new Stop(
    cursor.at,
    `expected ${what}, found ${found === undefined ? 'the end of the text' : JSON.stringify(found)}`,
  );
}

function skipSpace(cursor: Cursor): void {
  while (/[ \t\n\r]/.test(cursor.text[cursor.at] ?? '')) cursor.at += 1;
}

function scanValue(cursor: Cursor): void {
  skipSpace(cursor);
  const char = cursor.text[cursor.at];
  if (char === '{') return scanContainer(cursor, '}', scanMember);
  if (char === '[') return scanContainer(cursor, ']', scanValue);
  if (char === '"') return scanString(cursor);
  numberPattern.lastIndex = cursor.at;
  if (numberPattern.test(cursor.text)) {
    cursor.at = numberPattern.lastIndex;
    return;
  }
  const literal = ['true', 'false', 'null'].find((word) => cursor.text.startsWith(word, cursor.at));
  if (literal === undefined) expected(cursor, 'a JSON value');
  cursor.at += literal.length;
}

/** Objects and arrays: items separated by commas, no trailing comma. */
function scanContainer(cursor: Cursor, close: string, scanItem: (cursor: Cursor) => void): void {
  cursor.at += 1;
  skipSpace(cursor);
  if (cursor.text[cursor.at] === close) {
    cursor.at += 1;
    return;
  }
  for (;;) {
    scanItem(cursor);
    skipSpace(cursor);
    const char = cursor.text[cursor.at];
    cursor.at += 1;
    if (char === close) return;
    if (char !== ',') {
      cursor.at -= 1;
      expected(cursor, `',' or '${close}'`);
    }
  }
}

function scanMember(cursor: Cursor): void {
  skipSpace(cursor);
  if (cursor.text[cursor.at] !== '"') expected(cursor, 'a property name in double quotes');
  scanString(cursor);
  skipSpace(cursor);
  if (cursor.text[cursor.at] !== ':') expected(cursor, "':'");
  cursor.at += 1;
  scanValue(cursor);
}

function scanString(cursor: Cursor): void {
  cursor.at += 1;
  for (;;) {
    const char = cursor.text[cursor.at];
    if (char === '"') {
      cursor.at += 1;
      return;
    }
    if (char === undefined) expected(cursor, "a closing '\"'");
    if (char < ' ') throw new Stop(cursor.at, 'control character inside a string');
    if (char === '\\') scanEscape(cursor);
    else cursor.at += 1;
  }
}

function scanEscape(cursor: Cursor): void {
  const escape = cursor.text[cursor.at + 1] ?? '';
  if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(cursor.text.slice(cursor.at + 2, cursor.at + 6))) {
    cursor.at += 6;
  } else if (escape !== 'u' && '"\\/bfnrt'.includes(escape) && escape !== '') {
    cursor.at += 2;
  } else {
    throw new Stop(cursor.at, 'invalid escape sequence inside a string');
  }
}
