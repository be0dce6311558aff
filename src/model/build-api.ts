import type { DiscoveryDocument } from '../discovery/formats/types.js';
import { buildContext } from './build-context.js';
import type { ContextInput } from './context-input.js';
import { fromLegacy } from './from-legacy.js';
import { fromV62 } from './from-v62.js';
import { fromV7 } from './from-v7.js';
import { ModelError } from './model-error.js';
import { compareText } from './order.js';
import type { Api, Context } from './types.js';

/**
 * The intermediate model of one run's documents (the portal and any plugin contexts). They must share a
 * format; `portalVersion` is the first `version` any of them gives.
 */
export function buildApi(documents: readonly DiscoveryDocument[]): Api {
  const first = documents[0];
  if (first === undefined) {
    throw new ModelError('model.no-documents', 'no discovery documents to build the model from');
  }
  const other = documents.find((document) => document.format !== first.format);
  if (other !== undefined) {
    throw new ModelError(
      'model.mixed-formats',
      `${other.source} is in the ${other.format} format but ${first.source} is in the ${first.format} format; all documents of one run must come from the same portal`,
    );
  }
  const contexts = documents.map((document) => buildContext(contextInputOf(document)));
  return {
    format: first.format,
    portalVersion: portalVersionOf(documents),
    contexts: sortContexts(contexts, documents),
  };
}

function contextInputOf(document: DiscoveryDocument): ContextInput {
  switch (document.format) {
    case 'legacy':
      return fromLegacy(document.document, document.source, document.context);
    case '6.2':
      return fromV62(document.document, document.source, document.context);
    case '7.x':
      return fromV7(document.document, document.source, document.context);
  }
}

function portalVersionOf(documents: readonly DiscoveryDocument[]): string | null {
  for (const document of documents) {
    if (document.format !== 'legacy' && document.document.version !== undefined && document.document.version !== '') {
      return document.document.version;
    }
  }
  return null;
}

/** Sorted by name; two documents for one context are a mistake (the same file or URL given twice). */
function sortContexts(contexts: readonly Context[], documents: readonly DiscoveryDocument[]): Context[] {
  const sorted = contexts
    .map((context, index) => ({ context, source: documents[index]?.source ?? '' }))
    .sort((a, b) => compareText(a.context.name, b.context.name));
  sorted.forEach((entry, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && previous.context.name === entry.context.name) {
      throw new ModelError(
        'model.duplicate-context',
        `${previous.source} and ${entry.source} both describe the context "${entry.context.name}"`,
      );
    }
  });
  return sorted.map((entry) => entry.context);
}
