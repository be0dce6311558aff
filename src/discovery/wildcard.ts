/**
 * Liferay's discover patterns (`?discover=/blogsentry/*`), matched as the portal matches them with jodd's
 * Wildcard: `*` any run of characters (slashes included), `?` one character, everything else literal.
 */
export function wildcard(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${source}$`);
}

/** The pattern of a service filter: "blogsentry", "/blogsentry" and "/blogsentry/*" all mean `/blogsentry/*`. */
export function filterPattern(filter: string | undefined): string {
  const trimmed = trimSlashes((filter ?? '').trim().replace(/\/\*$/, ''));
  return trimmed === '' ? '/*' : `/${trimmed}/*`;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
