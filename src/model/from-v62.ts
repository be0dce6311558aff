import type { V62Document } from '../discovery/formats/types.js';
import type { ActionInput, ContextInput } from './context-input.js';
import { splitJavaName } from './names.js';

/** A 6.2 document: `services` keyed by `id` ("BlogsEntry#getGroupEntries"), context in `context`. */
export function fromV62(document: V62Document, source: string, context: string): ContextInput {
  const actions = document.services.map((service, index): ActionInput => ({
    ...service,
    ...splitJavaName(service.id),
    entry: `services[${index}]`,
  }));
  const named = document.context !== undefined && document.context !== '';
  return {
    name: document.context || context,
    ...(named ? { nameField: 'context' } : {}),
    source,
    actions,
    models: document.types ?? [],
  };
}
