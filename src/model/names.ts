/**
 * Every naming rule of the model: service ids from path segments, method names from paths, class names
 * from `name`/`id` or Liferay's known services. Pure functions; callers add provenance to errors.
 */
import { ModelError, quoted } from './model-error.js';
import { knownServiceClassName } from './service-class-names.js';

/** "/segment/action[/more]": no empty segments, no whitespace. */
const ACTION_PATH = /^\/[^/\s]+(?:\/[^/\s]+)+$/;

/** The first path segment ("calendar.calendarbooking") and the last one ("get-calendar-booking"). */
export function splitActionPath(path: string): { readonly segment: string; readonly last: string } {
  if (!ACTION_PATH.test(path)) {
    throw new ModelError('model.invalid-path', `invalid action path ${quoted(path)}: expected "/service/action"`);
  }
  const segments = path.split('/');
  return { segment: segments[1] ?? '', last: segments[segments.length - 1] ?? '' };
}

/** The service part of a segment: modules and plugins prefix it ("calendar.calendarbooking" → "calendarbooking"). */
export function serviceNameOf(segment: string): string {
  return segment.slice(segment.lastIndexOf('.') + 1);
}

/** camelCase of the path's last segment, as Liferay's Mobile SDK names methods: "get-group-entries" → "getGroupEntries". */
export function methodNameOf(path: string): string {
  const words = splitActionPath(path)
    .last.split('-')
    .filter((word) => word !== '');
  return words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

/** "BlogsEntry#getGroupEntries" → class "BlogsEntry", method "getGroupEntries"; nothing when there is no "#". */
export function splitJavaName(name: string | undefined): { readonly javaClass?: string; readonly javaName?: string } {
  const hash = name === undefined ? -1 : name.indexOf('#');
  if (name === undefined || hash < 0) return {};
  const javaClass = name.slice(0, hash).trim();
  const javaName = name.slice(hash + 1).trim();
  return { ...(javaClass === '' ? {} : { javaClass }), ...(javaName === '' ? {} : { javaName }) };
}

/** "com.liferay.portlet.blogs.service.BlogsEntryServiceUtil" → "BlogsEntry" (legacy `serviceClass`). */
export function classNameOfServiceClass(serviceClass: string): string {
  const simpleName = serviceClass.slice(serviceClass.lastIndexOf('.') + 1);
  return simpleName.replace(/Service(?:Util|Impl)?$/, '');
}

/**
 * A service's class name: the most common class its actions name (ties: the first in code-unit order),
 * else Liferay's known name for the service, else the service name capitalised ("blogsentry" → "Blogsentry").
 */
export function serviceClassName(serviceName: string, javaClasses: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const javaClass of javaClasses) counts.set(javaClass, (counts.get(javaClass) ?? 0) + 1);
  const ranked = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0));
  const named = ranked[0]?.[0];
  if (named !== undefined) return named;
  return knownServiceClassName(serviceName) ?? serviceName.charAt(0).toUpperCase() + serviceName.slice(1);
}

/**
 * Unique service ids for a context's first path segments. A segment's id is its service name
 * ("calendar.calendarbooking" → "calendarbooking"). When several segments share a service name, a plain
 * segment (no module prefix) keeps it and every prefixed one uses its whole segment with dots turned into
 * dashes ("/entry", "/a.entry", "/b.entry" → "entry", "a-entry", "b-entry"); the result does not depend on
 * the order of the segments.
 */
export function assignServiceIds(segments: Iterable<string>): ReadonlyMap<string, string> {
  const byServiceName = new Map<string, string[]>();
  for (const segment of [...new Set(segments)].sort()) {
    const serviceName = serviceNameOf(segment);
    const group = byServiceName.get(serviceName);
    if (group === undefined) byServiceName.set(serviceName, [segment]);
    else group.push(segment);
  }
  const ids = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const [serviceName, group] of byServiceName) {
    for (const segment of group) {
      const id = group.length === 1 || segment === serviceName ? serviceName : segment.replaceAll('.', '-');
      const owner = owners.get(id);
      if (owner !== undefined) {
        throw new ModelError(
          'model.service-id-collision',
          `services "/${owner}" and "/${segment}" both need the id "${id}"`,
        );
      }
      owners.set(id, segment);
      ids.set(segment, id);
    }
  }
  return ids;
}
