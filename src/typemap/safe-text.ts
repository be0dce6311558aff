/**
 * Text from a discovery document made safe for the place it lands in generated code. A discovery document
 * is untrusted: nothing from it may end a comment, a string literal or a line where code could follow.
 */

/** A JSON string literal, with line and paragraph separators escaped too (valid JavaScript as well). */
export function toStringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A TypeScript string literal as prettier (singleQuote) writes it: in single quotes unless the text holds more
 * single than double quotes; only the enclosing quote is escaped, every other escape stays as JSON writes it.
 */
export function toCodeString(text: string): string {
  const literal = toStringLiteral(text);
  const singles = countOf(text, "'");
  if (singles > countOf(text, '"')) return literal;
  // In double quotes a `"` was escaped and a `'` was not; in single quotes it is the other way round.
  const body = literal
    .slice(1, -1)
    .replace(/\\(["\\])|'/g, (match: string, escaped: string | undefined) =>
      escaped === '"' ? '"' : escaped === undefined ? "\\'" : match,
    );
  return `'${body}'`;
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (const each of text) if (each === character) count += 1;
  return count;
}

/**
 * Text with each lone surrogate (half of a UTF-16 pair, invalid alone) replaced by U+FFFD, which is what it
 * becomes anyway when the file is written as UTF-8, and what prettier's parser reads it as.
 */
export function toWellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * One comment line: `*​/` cannot close the comment, control characters and line breaks become spaces
 * (each comment line is placed by the template after its own ` * `), and `@` cannot start a JSDoc tag.
 */
export function toCommentText(text: string): string {
  return toWellFormed(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\*\//g, '*\\/')
    .replace(/(^|\s)@/g, '$1\\@')
    .trimEnd();
}

/** Comment lines from a multi-line text, each made safe. */
export function toCommentLines(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map(toCommentText)
    .filter((line, index, lines) => line.length > 0 || (index > 0 && index < lines.length - 1));
}
