/**
 * Markdown as prettier writes it, for the generated README: a table padded to its widest cell, and text from
 * a discovery document that prettier keeps as it is (the characters Markdown could read as markup escaped,
 * runs of white space made one space, as prettier prints them).
 */
import { toWellFormed } from '../typemap/safe-text.js';

/** A table of plain ASCII cells (our own labels and numbers), left-aligned, columns padded as prettier pads them. */
export function printMarkdownTable(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/**
 * Characters that may start markup inside a line of prose (CommonMark, GFM, the math syntax prettier reads)
 * or escape one another; `&` so that an entity stays as written.
 */
const MARKUP = /[\\`*_[\]<>~|$&]/g;

/**
 * Text placed inside a line of Markdown prose: control characters and line separators become spaces, runs
 * of spaces one space, and every character that could start markup is backslash-escaped.
 */
export function toMarkdownText(text: string): string {
  return toWellFormed(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(MARKUP, '\\$&');
}
