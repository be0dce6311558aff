/**
 * `--layout`: what of a package is written. `package` (the default) is the npm package: package.json,
 * tsconfig.json, README.md and src/. `sources` is only src/'s TypeScript, at the root of the output folder,
 * for an app that keeps generated code in its own source tree and compiles it with its own tsconfig and
 * bundler (as openapi-typescript and hey-api users do). Imports between the files are relative, so they
 * resolve the same way there.
 */
import type { RenderedFile } from './render-package.js';

export type Layout = 'package' | 'sources';

const SOURCES = 'src/';

/** The files a layout writes, from a package's files. */
export function layoutFiles(files: readonly RenderedFile[], layout: Layout): readonly RenderedFile[] {
  if (layout === 'package') return files;
  return files.filter((file) => file.path.startsWith(SOURCES)).map((file) => ({ path: file.path.slice(SOURCES.length), contents: file.contents }));
}

/**
 * What verify type-checks for the sources layout: the same files as a package, checked with the package's
 * tsconfig.json (its strictest settings) and package.json (NodeNext reads its "type"), which are not written.
 */
export function typeCheckFiles(files: readonly RenderedFile[]): readonly RenderedFile[] {
  return files.filter((file) => file.path.startsWith(SOURCES) || file.path === 'tsconfig.json' || file.path === 'package.json');
}
