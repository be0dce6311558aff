/**
 * `--templates <dir>` (or `templates` in the config file) is user input: checked before anything is
 * generated (the folder exists, each template replaces a bundled one, each compiles), and a failure while
 * rendering one of them is reported as a problem with that folder (exit 2), not as a builder bug.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { BuilderError, ExitCode } from '../../errors.js';
import { BUNDLED_TEMPLATES, thrownByTemplate } from '../../render/handlebars.js';
import { HELPERS } from '../../render/helpers.js';

export function checkTemplatesFolder(folder: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw templatesError(`templates folder ${folder} does not exist`);
  const bundled = listTemplates(BUNDLED_TEMPLATES);
  for (const name of listTemplates(folder)) {
    if (!bundled.includes(name)) {
      throw templatesError(`templates folder ${folder}: ${name} replaces no bundled template (they are ${bundled.join(', ')})`);
    }
    const source = readFileSync(join(folder, name), 'utf8');
    try {
      Handlebars.precompile(source, { knownHelpersOnly: true, knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((helper) => [helper, true])) });
    } catch (error) {
      throw templatesError(`templates folder ${folder}: ${name} does not compile: ${oneLine(error)}`);
    }
  }
}

/** The usage error for a failure that happened inside a template, when the user gave templates; else undefined. */
export function templateFailure(error: unknown, folder: string | undefined): BuilderError | undefined {
  if (folder === undefined || error instanceof BuilderError || !(error instanceof Error)) return undefined;
  const inTemplate = error instanceof Handlebars.Exception || thrownByTemplate(error);
  if (!inTemplate) return undefined;
  const field = /^"([^"]+)" not defined/.exec(error.message)?.[1] ?? /^The partial (\S+) could not be found/.exec(error.message)?.[1];
  const suspects = field === undefined ? [] : listTemplates(folder).filter((name) => mentions(join(folder, name), field));
  const where = suspects.length === 0 ? `a template in ${folder}` : `${suspects.join(', ')} in ${folder}`;
  return templatesError(
    `${where} failed to render: ${oneLine(error)}; each template's view is listed under Templates in the README (nothing was written)`,
    error,
  );
}

function listTemplates(root: string): string[] {
  const names: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.hbs')) names.push(relative(root, path).split('\\').join('/'));
    }
  };
  visit(root);
  return names.sort();
}

function mentions(path: string, field: string): boolean {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\{\\{[^}]*\\b${escaped}\\b`).test(readFileSync(path, 'utf8'));
}

/** Handlebars' parse errors span several lines (the source and a caret): keep the first and the last. */
function oneLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => line.trim() !== '');
  const text = lines.length > 2 ? `${lines[0] ?? ''} ${lines.at(-1) ?? ''}` : lines.join(' ');
  return text.replace(/ in \[object Object\]/, '');
}

function templatesError(message: string, cause?: unknown): BuilderError {
  return new BuilderError('cli.templates', ExitCode.usage, message, { cause });
}
