/**
 * The TypeScript names of the Java classes one context refers to: described models become interfaces,
 * other classes that results return become named aliases of a JSON object. Names are allocated once, in
 * sorted class-name order, so they never depend on the order in which actions mention the classes.
 */
import type { Context, JavaType } from '../model/types.js';
import { NameScope, toTypeIdentifier } from './identifiers.js';
import { isNamedClass } from './java-to-ts.js';

export interface ClassNames {
  /** The interface name of a model described in `types`, or undefined. */
  modelName(className: string): string | undefined;
  /** The alias name of an undescribed class (it must have been collected). */
  aliasName(className: string): string;
  readonly serviceContext: string;
  /** Described models and aliases, sorted by class name. */
  readonly models: ReadonlyMap<string, string>;
  readonly aliases: ReadonlyMap<string, string>;
}

/** Claims every class name of `context` in `scope` (which already holds the names that must not be shadowed). */
export function allocateClassNames(context: Context, scope: NameScope): ClassNames {
  const serviceContext = scope.claim('ServiceContext');
  const models = new Map<string, string>();
  for (const model of context.models) models.set(model.className, scope.claim(toTypeIdentifier(model.simpleName)));
  const aliases = new Map<string, string>();
  for (const className of [...collectResultClasses(context)].sort()) {
    if (!models.has(className)) aliases.set(className, scope.claim(toTypeIdentifier(simpleName(className))));
  }
  return {
    serviceContext,
    models,
    aliases,
    modelName: (className) => models.get(className),
    aliasName: (className) => {
      const name = aliases.get(className);
      if (name === undefined) throw new Error(`class ${className} was not collected`);
      return name;
    },
  };
}

function simpleName(className: string): string {
  const bare = className.replace(/<.*$/s, '');
  return bare.slice(bare.lastIndexOf('.') + 1);
}

/** Classes that appear where an alias is needed: results, their elements, elements of parameters, model properties. */
function collectResultClasses(context: Context): Set<string> {
  const found = new Set<string>();
  const visit = (type: JavaType, top: boolean): void => {
    if (type.kind === 'object') {
      if (!top && isNamedClass(type.className)) found.add(type.className);
    } else if (type.kind === 'array' || type.kind === 'list') {
      if (type.element !== null) visit(type.element, false);
    } else if (type.kind === 'map' && type.value !== null) {
      visit(type.value, false);
    }
  };
  for (const service of context.services) {
    for (const action of service.actions) {
      visit(action.returns.type, false);
      for (const parameter of action.parameters) visit(parameter.type, true);
    }
  }
  for (const model of context.models) for (const property of model.properties) visit(property.type, false);
  return found;
}
