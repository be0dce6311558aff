import type { V7Document } from '../discovery/formats/types.js';
import type { ActionInput, ContextInput } from './context-input.js';
import { splitJavaName } from './names.js';

/** A 7.x document: `services` keyed by `name` ("BlogsEntry#getGroupEntries"), context in `contextName`. */
export function fromV7(document: V7Document, source: string, context: string): ContextInput {
  const actions = document.services.map((service, index): ActionInput => ({
    ...service,
    ...splitJavaName(service.name),
    entry: `services[${index}]`,
  }));
  const named = document.contextName !== undefined && document.contextName !== '';
  return {
    name: document.contextName || context,
    ...(named ? { nameField: 'contextName' } : {}),
    source,
    actions,
    models: document.types ?? [],
  };
}
