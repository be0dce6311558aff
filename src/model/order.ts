/**
 * The model's one ordering, so that the same portal always gives the same model whatever order it listed
 * things in. Plain code-unit comparison: locale-independent.
 */
import type { Action, Model } from './types.js';

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Path, then parameter count, then parameter names, then types; finally every other field, for total order. */
export function compareActions(a: Action, b: Action): number {
  return (
    compareText(a.path, b.path) ||
    a.parameters.length - b.parameters.length ||
    compareLists(
      a.parameters.map((p) => p.name),
      b.parameters.map((p) => p.name),
    ) ||
    compareLists(
      a.parameters.map((p) => p.typeName),
      b.parameters.map((p) => p.typeName),
    ) ||
    compareText(canonical(a), canonical(b))
  );
}

/**
 * Sorted actions with exact duplicates (same path, same parameter names and types) collapsed. Among
 * duplicates the first in order is kept, which does not depend on the document's order.
 */
export function sortUniqueActions(actions: readonly Action[]): Action[] {
  const sorted = [...actions].sort(compareActions);
  return sorted.filter((action, index) => index === 0 || signature(action) !== signature(sorted[index - 1] as Action));
}

/** Sorted by className, one model per class (the first in order when a document repeats one). */
export function sortUniqueModels(models: readonly Model[]): Model[] {
  const sorted = [...models].sort(
    (a, b) => compareText(a.className, b.className) || compareText(JSON.stringify(a), JSON.stringify(b)),
  );
  return sorted.filter((model, index) => index === 0 || model.className !== sorted[index - 1]?.className);
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compareText(a[index] as string, b[index] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** What makes two actions the same invocation. */
function signature(action: Action): string {
  return JSON.stringify([action.path, action.parameters.map((p) => [p.name, p.typeName])]);
}

/** Everything but the provenance, which changes with the document's order. */
function canonical(action: Action): string {
  return JSON.stringify({ ...action, source: null });
}
