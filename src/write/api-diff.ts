/**
 * The API-level difference between two versions of a generated package: services, methods and overload
 * signatures added, removed or changed, read from the sync-style service modules so that a reviewer sees
 * what a portal change means for calling code, not just which files moved.
 */
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

export async function readApiSurface(files: readonly RenderedFile[]): Promise<ApiSurface> {
  const { Project } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true });
  const surface: ApiSurface = new Map();
  for (const file of files) {
    if (!file.path.startsWith('src/services/') || file.path.endsWith('/index.ts')) continue;
    for (const declaration of project.createSourceFile(`/${file.path}`, file.contents, { overwrite: true }).getClasses()) {
      const methods = new Map<string, string[]>();
      for (const method of declaration.getMethods()) {
        methods.set(method.getName(), method.getOverloads().map((overload) => overload.getText().replace(/\/\*\*[\s\S]*?\*\/\s*/g, '').replace(/\s+/g, ' ')));
      }
      surface.set(declaration.getName() ?? '?', methods);
    }
  }
  return surface;
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
