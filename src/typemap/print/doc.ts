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
  const flat = flatText(doc, false);
  if (flat !== undefined && flat.length <= PRINT_WIDTH - depth * TAB_WIDTH && PRINTABLE_ASCII.test(flat)) return flat;
  const indented =
    depth === 0 ? doc : Array.from({ length: depth }).reduce<Doc>((inner) => indent(inner), [hardline, doc]);
  const { formatted } = printer.printDocToString(indented, {
    printWidth: PRINT_WIDTH,
    tabWidth: TAB_WIDTH,
    useTabs: false,
  });
  return depth === 0 ? formatted : formatted.slice(1 + depth * TAB_WIDTH);
}

/** Text whose width is its length, as prettier measures it: no wide, zero-width or control characters. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * `doc` on one line, as prettier prints a document whose every group stays flat, or undefined when prettier
 * could break it anyway: a hard line or break-parent, a group marked broken, a line outside any group (which
 * breaks), or a kind of document this shortcut does not know. Most members of generated code fit on their
 * line, and printing them through the printer (its break propagation and indentation machinery) was half of
 * the render stage. When the text fits within the width as well, prettier's own fits check would keep every
 * group flat, so the two agree; the tests compare generated code with prettier's formatting of it.
 */
function flatText(doc: Doc, inGroup: boolean): string | undefined {
  if (typeof doc === 'string') return doc;
  if (Array.isArray(doc)) {
    let text = '';
    for (const part of doc as readonly Doc[]) {
      const printed = flatText(part, inGroup);
      if (printed === undefined) return undefined;
      text += printed;
    }
    return text;
  }
  switch (doc.type) {
    case 'group':
      return doc.break ? undefined : flatText(doc.contents, true);
    case 'indent':
    case 'align':
    case 'label':
      return flatText(doc.contents, inGroup);
    // prettier's types leave out its contents. In a flat print the group it follows is flat: no indentation.
    case 'indent-if-break':
      return inGroup && 'contents' in doc ? flatText(doc.contents as Doc, inGroup) : undefined;
    case 'if-break':
      return inGroup ? flatText(doc.flatContents, inGroup) : undefined;
    case 'line':
      return inGroup && !doc.hard ? (doc.soft ? '' : ' ') : undefined;
    case 'line-suffix-boundary':
      return '';
    default:
      return undefined;
  }
}

/**
 * Whether `text` takes fewer than `columns` columns, measured as prettier measures (wide characters count
 * two): printed in a group at that width, it fits exactly when it is narrower.
 */
export function isNarrowerThan(text: string, columns: number): boolean {
  if (PRINTABLE_ASCII.test(text)) return text.length < columns;
  const { formatted } = printer.printDocToString(group([text, softline]), {
    printWidth: columns - 1,
    tabWidth: TAB_WIDTH,
    useTabs: false,
  });
  return !formatted.endsWith('\n');
}
