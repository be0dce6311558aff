/**
 * Service class names that do not depend on the other services: `<ClassName>Service`, unless several
 * services of the context want that name. Then none of them gets it by rank (no `EntryService2` that a
 * new or removed service could renumber): a service whose path has no module prefix keeps it when it is
 * the only one, and every other is named after its own path, `/a.entry` → `AEntryService`. So a service's
 * name changes only when a service that wants the same name comes or goes, never because of another.
 * What still collides after that (names that differ only in case or punctuation, or a name the runtime
 * exports) is suffixed by the scope in the model's order, a last resort no real portal reaches.
 */
import type { Service } from '../model/types.js';
import { NameScope, toPascalCase, toTypeIdentifier } from './identifiers.js';

/** The class name of each service, in the order of `services`; every name is claimed in `scope`. */
export function assignServiceClassNames(services: readonly Service[], scope: NameScope): string[] {
  const wanted = services.map((service) => `${toTypeIdentifier(service.className)}Service`);
  const wantedBy = new Map<string, number>();
  for (const name of wanted) wantedBy.set(name.toLowerCase(), (wantedBy.get(name.toLowerCase()) ?? 0) + 1);
  const plainOwners = new Map<string, number>();
  services.forEach((service, index) => {
    const key = wanted[index]?.toLowerCase() ?? '';
    if (isPlain(service)) plainOwners.set(key, (plainOwners.get(key) ?? 0) + 1);
  });
  const chosen = services.map((service, index) => {
    const name = wanted[index] ?? '';
    const key = name.toLowerCase();
    const keeps = wantedBy.get(key) === 1 || (isPlain(service) && plainOwners.get(key) === 1);
    return { name: keeps ? name : qualifiedName(service), keeps };
  });
  // Names kept are claimed first, so that a qualified name can never take one from its owner.
  const names = new Map<number, string>();
  chosen.forEach((entry, index) => entry.keeps && names.set(index, scope.claim(entry.name)));
  chosen.forEach((entry, index) => !entry.keeps && names.set(index, scope.claim(entry.name)));
  return services.map((_, index) => names.get(index) ?? '');
}

/** A service under the portal's own path (`/entry`), not a module's (`/a.entry`). */
function isPlain(service: Service): boolean {
  return !service.pathPrefix.includes('.');
}

/** `/a.entry` with class Entry → `AEntryService`; a plain path → its id, capitalised. */
function qualifiedName(service: Service): string {
  const segment = service.pathPrefix.replace(/^\//, '');
  const dot = segment.lastIndexOf('.');
  if (dot < 0) return `${toTypeIdentifier(toPascalCase(service.id))}Service`;
  return `${toPascalCase(segment.slice(0, dot))}${toPascalCase(service.className)}Service`;
}
