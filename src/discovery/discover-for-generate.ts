/**
 * The documents `generate` works from: one discovery for all contexts, or one per context when contexts carry
 * their own document, or their own filter to send to a portal (a configuration file's `contexts`). Texts, not
 * parsed documents: the up-to-date check keys a run by the bytes it read. Filters are applied after decoding
 * (generate-stages.ts), to saved documents as to fetched ones.
 */
import type { GenerateOptions } from '../generate-options.js';
import type { DocumentText } from './decode-document.js';
import { discoverTexts } from './index.js';

export async function discoverForGenerate(options: GenerateOptions): Promise<DocumentText[]> {
  const contexts = options.contextOptions;
  const fetched = options.url !== undefined;
  const perContext =
    contexts !== undefined &&
    contexts.some((context) => context.discovery !== undefined || (fetched && context.filter !== undefined));
  if (!perContext) return discoverTexts(options);
  const texts: DocumentText[] = [];
  for (const context of contexts) {
    const { url, discovery, contexts: _all, filter, ...shared } = options;
    const source =
      context.discovery !== undefined
        ? { discovery: [context.discovery] }
        : url !== undefined
          ? { url }
          : { discovery: discovery ?? [] };
    const chosenFilter = context.filter ?? filter;
    texts.push(
      ...(await discoverTexts({
        ...shared,
        ...source,
        contexts: [context.name],
        ...(chosenFilter === undefined ? {} : { filter: chosenFilter }),
      })),
    );
  }
  return texts;
}
