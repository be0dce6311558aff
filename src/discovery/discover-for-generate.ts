/**
 * The documents `generate` works from: one discovery for all contexts, or one per context when contexts carry
 * their own filter or document (a configuration file's `contexts`). Texts, not parsed documents: the
 * up-to-date check keys a run by the bytes it read.
 */
import type { GenerateOptions } from '../generate-options.js';
import type { DocumentText } from './decode-document.js';
import { discoverTexts } from './index.js';

export async function discoverForGenerate(options: GenerateOptions): Promise<DocumentText[]> {
  const contexts = options.contextOptions;
  const perContext = contexts !== undefined && contexts.some((context) => context.filter !== undefined || context.discovery !== undefined);
  if (!perContext) return discoverTexts(options);
  const texts: DocumentText[] = [];
  for (const context of contexts) {
    const { url, discovery, contexts: _all, filter, ...shared } = options;
    const source = context.discovery !== undefined ? { discovery: [context.discovery] } : url !== undefined ? { url } : { discovery: discovery ?? [] };
    const chosenFilter = context.filter ?? filter;
    texts.push(...(await discoverTexts({ ...shared, ...source, contexts: [context.name], ...(chosenFilter === undefined ? {} : { filter: chosenFilter }) })));
  }
  return texts;
}
