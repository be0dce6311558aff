/**
 * The judge of "built-in templates emit prettier's output": formats generated files with prettier (the
 * pinned version, options and parser plugin the format stage uses) and reports each file that changes, with
 * its first differing line. TypeScript files are formatted several in one prettier call, as the format stage
 * batches them (format-batch.ts, which a test holds exact); a file found changed is formatted again alone, so
 * that a report never comes from the batching.
 */
import { formatTexts } from '../../src/format/format-batch.js';
import { loadEngine, resolveEngine, type Engine } from '../../src/format/prettier-engine.js';

export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

let engine: Promise<Engine> | undefined;
/** Formatted JSON files by content: a package's tsconfig.json is the same in every package. */
const jsonFormatted = new Map<string, string>();

/** Every file that prettier would change, described for a failure message (empty when all are exact). */
export async function judgeFiles(files: readonly GeneratedFile[]): Promise<string[]> {
  const format = await (engine ??= loadEngine(resolveEngine()));
  const typescript = files.filter((file) => file.path.endsWith('.ts'));
  const batched = await formatTexts(
    typescript.map((file) => file.contents),
    'typescript',
    (text, parser) => format.format(text, parser),
  );
  const reports: string[] = [];
  for (const [index, file] of typescript.entries()) {
    const outcome = batched[index];
    if (outcome !== undefined && 'text' in outcome && outcome.text === file.contents) continue;
    reports.push(
      describe(
        file,
        await format.format(file.contents, 'typescript').catch((error: unknown) => `prettier failed: ${String(error)}`),
      ),
    );
  }
  for (const file of files.filter((candidate) => !candidate.path.endsWith('.ts'))) {
    const parser = file.path.endsWith('.json') ? 'json' : file.path.endsWith('.md') ? 'markdown' : undefined;
    if (parser === undefined) throw new Error(`judge: no parser for ${file.path}`);
    const formatted = jsonFormatted.get(file.contents) ?? (await format.format(file.contents, parser));
    if (parser === 'json') jsonFormatted.set(file.contents, formatted);
    if (formatted !== file.contents) reports.push(describe(file, formatted));
  }
  return reports.filter((report) => report !== '');
}

/** The file's path and first differing line, as generated and as prettier formats it ('' when they agree). */
function describe(file: GeneratedFile, formatted: string): string {
  if (formatted === file.contents) return '';
  const ours = file.contents.split('\n');
  const theirs = formatted.split('\n');
  const at = ours.findIndex((line, index) => line !== theirs[index]);
  const line = at === -1 ? ours.length : at;
  return [
    `${file.path}, line ${line + 1}:`,
    `  generated: ${JSON.stringify(ours[line] ?? '(end of file)')}`,
    `  prettier:  ${JSON.stringify(theirs[line] ?? '(end of file)')}`,
    `  next lines, generated: ${JSON.stringify(ours.slice(line + 1, line + 3))}`,
    `  next lines, prettier:  ${JSON.stringify(theirs.slice(line + 1, line + 3))}`,
  ].join('\n');
}
