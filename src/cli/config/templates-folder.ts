/**
 * `--templates <dir>` (or `templates` in the config file) is user input: checked before anything is
 * generated (the folder exists, each template replaces a bundled one, each compiles). A failure while
 * rendering one of them is the render stage's RenderError (`render.override`, exit 2).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { BUNDLED_TEMPLATES } from '../../render/handlebars.js';
import { CliError } from '../cli-error.js';
import { HELPERS } from '../../render/helpers.js';

export function checkTemplatesFolder(folder: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw templatesError(`templates folder ${folder} does not exist`);
  const bundled = listTemplates(BUNDLED_TEMPLATES);
  for (const name of listTemplates(folder)) {
    if (!bundled.includes(name)) {
      throw templatesError(
        `templates folder ${folder}: ${name} replaces no bundled template (they are ${bundled.join(', ')})`,
      );
    }
    const source = readFileSync(join(folder, name), 'utf8');
    try {
      Handlebars.precompile(source, {
        knownHelpersOnly: true,
        knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((helper) => [helper, true])),
      });
    } catch (error) {
      throw templatesError(`templates folder ${folder}: ${name} does not compile: ${oneLine(error)}`);
    }
  }
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

/** Handlebars' parse errors span several lines (the source and a caret): keep the first and the last. */
function oneLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .filter((line) => line.trim() !== '');
  const text = lines.length > 2 ? `${lines[0] ?? ''} ${lines.at(-1) ?? ''}` : lines.join(' ');
  return text.replace(/ in \[object Object\]/, '');
}

function templatesError(message: string, cause?: unknown): CliError {
  return new CliError('cli.templates', message, { cause });
}
