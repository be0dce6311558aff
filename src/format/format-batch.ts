/**
 * Several small texts formatted in one prettier call. Each call costs prettier about a millisecond before it
 * formats anything (options, plugins, parser set-up), more than formatting a small file or a service's
 * section takes, while one very large text formats slower than its parts (measured on the corpus: 313 texts
 * in 313 calls 1.19 s, in 93 calls of up to 8 KB 0.99 s; the 217 KB of one index module as one text 0.57 s,
 * in its 104 sections 0.22 s).
 *
 * The texts are joined by a marker comment on a line of its own, formatted, and cut apart at the markers.
 * prettier lays out each top-level statement on its own and keeps a comment on its own line where it is, so
 * each part is what formatting its text alone gives (a test holds that on every fixture). Whenever the cut
 * does not give one part per text, or the batch fails to format, each text is formatted alone: a syntax
 * error is then reported for its own file.
 */
import { randomBytes } from 'node:crypto';

export type FormatOutcome = { readonly text: string } | { readonly error: string };

type Format = (text: string, parser: string) => Promise<string>;

/** Parsers whose texts can be joined: TypeScript modules (JSON and Markdown cannot hold a line comment). */
export function canBatch(parser: string): boolean {
  return parser === 'typescript';
}

export async function formatTexts(texts: readonly string[], parser: string, format: Format): Promise<FormatOutcome[]> {
  if (texts.length > 1 && canBatch(parser)) {
    const parts = await formatJoined(texts, parser, format);
    if (parts !== undefined) return parts.map((text) => ({ text }));
  }
  return Promise.all(
    texts.map((text) =>
      format(text, parser).then(
        (formatted) => ({ text: formatted }),
        (error: unknown) => ({ error: messageOf(error) }),
      ),
    ),
  );
}

/** The formatted parts, or undefined when joining, formatting or cutting did not work out. */
async function formatJoined(texts: readonly string[], parser: string, format: Format): Promise<string[] | undefined> {
  // A marker no document can contain: it is made after the texts were rendered.
  const marker = `// liferay-sdk-builder section ${randomBytes(8).toString('hex')}`;
  if (texts.some((text) => text.includes(marker))) return undefined;
  // Blank lines at either end of a text are dropped when it is formatted alone; here they would be kept.
  const joined = texts.map((text) => `${text.trim()}\n`).join(`${marker}\n`);
  let formatted: string;
  try {
    formatted = await format(joined, parser);
  } catch {
    return undefined;
  }
  const parts = formatted.split(`\n${marker}\n`);
  if (parts.length !== texts.length) return undefined;
  return parts.map((part, index) => (index < parts.length - 1 ? `${part}\n` : part));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
