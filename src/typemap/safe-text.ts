/**
 * Text from a discovery document made safe for the place it lands in generated code. A discovery document
 * is untrusted: nothing from it may end a comment, a string literal or a line where code could follow.
 */

/** A JavaScript string literal (double-quoted JSON, with line and paragraph separators escaped too). */
export function toStringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * One comment line: `*​/` cannot close the comment, control characters and line breaks become spaces
 * (each comment line is placed by the template after its own ` * `), and `@` cannot start a JSDoc tag.
 */
export function toCommentText(text: string): string {
  return text
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
