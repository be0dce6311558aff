/**
 * Tells the discovery format from the parsed JSON alone. The entries decide first (7.x names its services,
 * 6.2 gives them ids), then the context key, then the top-level list; undefined when nothing matches.
 */
import type { DiscoveryFormat } from './formats/types.js';
import { isJsonObject } from './formats/shape-check.js';

export function detectFormat(json: unknown): DiscoveryFormat | undefined {
  if (!isJsonObject(json)) return undefined;
  const services = json['services'];
  const byEntries = Array.isArray(services) ? formatOfEntries(services) : undefined;
  if (byEntries !== undefined) return byEntries;
  if ('contextName' in json) return '7.x';
  if ('context' in json) return '6.2';
  if (Array.isArray(services)) return '7.x';
  if ('actions' in json) return 'legacy';
  if ('services' in json) return '7.x';
  return undefined;
}

function formatOfEntries(services: readonly unknown[]): DiscoveryFormat | undefined {
  for (const entry of services) {
    if (!isJsonObject(entry)) continue;
    if ('name' in entry) return '7.x';
    if ('id' in entry) return '6.2';
  }
  return undefined;
}
