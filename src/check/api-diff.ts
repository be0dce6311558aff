/**
 * The API-level difference between two versions of a generated package: services, methods and overload
 * signatures added, removed or changed, read from the sync-style service modules (`src/services/*.ts`, or
 * `dist/services/*.d.ts` with `--emit js`) so that a reviewer sees what a portal change means for calling
 * code, not just which files moved.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedFile } from '../render/render-package.js';

/** Service class → method → its overload signatures (parameter and result text), as printed. */
export type ApiSurface = Map<string, Map<string, string[]>>;

export interface ApiDiff {
  readonly addedServices: readonly string[];
  readonly removedServices: readonly string[];
  readonly addedMethods: readonly string[];
  readonly removedMethods: readonly string[];
  readonly changedMethods: readonly string[];
}

const SERVICE_MODULE = /^(src\/services\/(?!index\.ts$)[^/]+\.ts|dist\/services\/(?!index\.d\.ts$)[^/]+\.d\.ts)$/;

export async function readApiSurface(files: readonly RenderedFile[]): Promise<ApiSurface> {
  const { Node, Project } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true });
  const surface: ApiSurface = new Map();
  for (const file of files) {
    if (!SERVICE_MODULE.test(file.path)) continue;
    const source = project.createSourceFile(`/${file.path}`, file.contents, { overwrite: true });
    // Parameters types by name, so that a signature reads the same whether its type is named or written inline.
    const named = new Map<string, string>();
    for (const declaration of source.getInterfaces()) {
      named.set(declaration.getName(), `{${declaration.getMembers().map((member) => member.getText().replace(/;$/, '')).join('; ')}}`);
    }
    for (const alias of source.getTypeAliases()) named.set(alias.getName(), alias.getTypeNode()?.getText() ?? '');
    for (const declaration of source.getInterfaces()) {
      if (declaration.getTypeParameters().length === 0) continue;
      const methods = new Map<string, string[]>();
      for (const property of declaration.getProperties()) {
        const typeNode = property.getTypeNode();
        const overloads = typeNode !== undefined && Node.isIntersectionTypeNode(typeNode) ? typeNode.getTypeNodes() : typeNode === undefined ? [] : [typeNode];
        methods.set(
          property.getName(),
          overloads.map((overload) => {
            const [, parameters, result] = Node.isTypeReference(overload) ? overload.getTypeArguments().map((argument) => argument.getText()) : [];
            return signature(`${property.getName()}(parameters: ${named.get(parameters ?? '') ?? parameters}, options?: CallOptions): Promise<${result}>`);
          }),
        );
      }
      surface.set(declaration.getName(), methods);
    }
    // Packages generated before services were interfaces: a class per service, a method per overload.
    for (const declaration of source.getClasses()) {
      const methods = new Map<string, string[]>();
      // In a .d.ts every overload is a method of its own, each listing all of them: the map keeps one.
      for (const method of declaration.getMethods()) methods.set(method.getName(), method.getOverloads().map((overload) => signature(overload.getText())));
      surface.set(declaration.getName() ?? '?', methods);
    }
  }
  return surface;
}

/**
 * The service modules of a package on disk: its TypeScript sources, or with `--emit js` (no `src/`) its
 * declarations. A `dist/` built by the user from `src/` may be stale, so sources win when both exist.
 */
export async function readPackageApi(out: string): Promise<ApiSurface> {
  const folder = ['src/services', 'dist/services'].find((candidate) => existsSync(join(out, candidate)));
  if (folder === undefined) return new Map();
  const files: RenderedFile[] = [];
  for (const name of (await readdir(join(out, folder))).sort()) {
    const path = `${folder}/${name}`;
    if (SERVICE_MODULE.test(path)) files.push({ path, contents: await readFile(join(out, path), 'utf8') });
  }
  return readApiSurface(files);
}

/** An overload's text without its JSDoc, in one spelling whether printed by prettier or by a .d.ts emit. */
function signature(text: string): string {
  return text
    .replace(/\/\*\*[\s\S]*?\*\/\s*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/;(?=\s*})/g, '')
    .replace(/,(?=\s*[})\]])/g, '')
    .replace(/;/g, ',')
    .replace(/([{([]) /g, '$1')
    .replace(/ ([})\]])/g, '$1')
    .replace(/,$/, '')
    .trim();
}

export function diffApi(before: ApiSurface, after: ApiSurface): ApiDiff {
  const names = (map: ReadonlyMap<string, unknown>) => [...map.keys()];
  const addedMethods: string[] = [];
  const removedMethods: string[] = [];
  const changedMethods: string[] = [];
  for (const [service, methods] of after) {
    const old = before.get(service);
    if (old === undefined) continue;
    for (const [method, signatures] of methods) {
      const previous = old.get(method);
      if (previous === undefined) addedMethods.push(`${service}.${method}`);
      else if (previous.join('\n') !== signatures.join('\n')) changedMethods.push(`${service}.${method}`);
    }
    for (const method of old.keys()) if (!methods.has(method)) removedMethods.push(`${service}.${method}`);
  }
  return {
    addedServices: names(after).filter((service) => !before.has(service)).sort(),
    removedServices: names(before).filter((service) => !after.has(service)).sort(),
    addedMethods: addedMethods.sort(),
    removedMethods: removedMethods.sort(),
    changedMethods: changedMethods.sort(),
  };
}
