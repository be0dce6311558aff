const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;
const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/** The scheme, host and port of an absolute URL, lower-cased: what decides where credentials may go. */
export function originOf(url: string): string {
  return (ORIGIN.exec(url)?.[0] ?? '').toLowerCase();
}

/**
 * `reference` (a document URL, a redirect's Location) made absolute against `base` as a browser would:
 * absolute, scheme-relative, root-relative, query-only, or relative to base's folder ("../" is left to the
 * server). Written out rather than using `URL`, which React Native implements only in part.
 */
export function resolveUrl(base: string, reference: string): string {
  if (ABSOLUTE.test(reference)) return reference;
  if (reference.startsWith('//')) return base.slice(0, base.indexOf(':') + 1) + reference;
  const origin = ORIGIN.exec(base)?.[0] ?? '';
  if (reference.startsWith('/')) return origin + reference;
  const document = base.replace(/[?#].*$/, '');
  if (reference.startsWith('?')) return document + reference;
  return (document === origin ? origin + '/' : document.replace(/[^/]*$/, '')) + reference;
}
