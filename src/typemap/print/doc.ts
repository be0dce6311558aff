/**
 * The document printer: prettier's own (`prettier/doc`, a few kilobytes that load in milliseconds), so that
 * the lines it breaks, and how it measures text (wide and zero-width characters), are prettier's to the
 * letter. What this folder adds is how our few constructs become documents, as prettier builds them.
 */
import { builders, printer, utils } from 'prettier/doc';

export type Doc = builders.Doc;
export const {
  align,
  breakParent,
  conditionalGroup,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  lineSuffixBoundary,
  softline,
} = builders;
export const { canBreak, willBreak } = utils;

/** prettier's options that shape code, as the format stage passes them (a test holds that they agree). */
export const PRINT_WIDTH = 120;
const TAB_WIDTH = 2;

/**
 * `doc` printed where a line starts `depth` levels deep, without that first indentation: the caller (a
 * template) writes it. Lines it breaks are indented from there.
 */
export function printDoc(doc: Doc, depth = 0): string {
  const indented =
    depth === 0 ? doc : Array.from({ length: depth }).reduce<Doc>((inner) => indent(inner), [hardline, doc]);
  const { formatted } = printer.printDocToString(indented, {
    printWidth: PRINT_WIDTH,
    tabWidth: TAB_WIDTH,
    useTabs: false,
  });
  return depth === 0 ? formatted : formatted.slice(1 + depth * TAB_WIDTH);
}

/**
 * Whether `text` takes fewer than `columns` columns, measured as prettier measures (wide characters count
 * two): printed in a group at that width, it fits exactly when it is narrower.
 */
export function isNarrowerThan(text: string, columns: number): boolean {
  const { formatted } = printer.printDocToString(group([text, softline]), {
    printWidth: columns - 1,
    tabWidth: TAB_WIDTH,
    useTabs: false,
  });
  return !formatted.endsWith('\n');
}
