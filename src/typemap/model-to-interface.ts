/**
 * Models → the text of `models.ts`: ts-morph structures, printed by `print-structures.ts`. Every model is an
 * interface, never a type alias, so that an app can add the properties its portal has by declaration merging
 * (`declare module '<package>/models' { interface Folder { name: string } }`): described models with their
 * properties, ServiceContext with its documented fields, undescribed classes as objects indexed by name.
 */
import type { InterfaceDeclarationStructure } from 'ts-morph';
import type { Model } from '../model/types.js';
import type { ClassNames } from './class-names.js';
import { toPropertyKey } from './identifiers.js';
import { mapJavaType } from './java-to-ts.js';
import { RUNTIME_EXPORTS } from './runtime-exports.js';
import { toCommentText } from './safe-text.js';
import { SERVICE_CONTEXT_FIELDS } from './service-context.js';
import { ImportDeclarationKind, InterfaceKind, printStatements, type Declaration } from './print-structures.js';

export function printModels(models: readonly Model[], classes: ClassNames): string {
  const uses = new Set<string>();
  const statements: Declaration[] = [serviceContextInterface(classes.serviceContext)];
  for (const model of models) statements.push(modelInterface(model, classes, uses));
  for (const [className, name] of classes.aliases) statements.push(undescribedInterface(className, name));
  // Model properties may be typed with runtime types (a `file` property is an `Upload`).
  const runtimeNames = RUNTIME_EXPORTS.filter((name) => uses.has(name));
  if (runtimeNames.length > 0) {
    statements.unshift({
      kind: ImportDeclarationKind,
      isTypeOnly: true,
      namedImports: runtimeNames,
      moduleSpecifier: './runtime/index.js',
    });
  }
  return printStatements(statements);
}

function modelInterface(model: Model, classes: ClassNames, uses: Set<string>): InterfaceDeclarationStructure {
  const name = classes.modelName(model.className) ?? model.simpleName;
  return {
    kind: InterfaceKind,
    isExported: true,
    name,
    docs: [`\`${toCommentText(model.className)}\``],
    properties: firstOfEachName(model.properties).map((property) => ({
      name: toPropertyKey(property.name),
      type: mapJavaType(property.type, 'element', classes, uses),
    })),
  };
}

function undescribedInterface(className: string, name: string): InterfaceDeclarationStructure {
  return {
    kind: InterfaceKind,
    isExported: true,
    name,
    docs: [`\`${toCommentText(className)}\`: not described by the portal, so only known to be a JSON object.`],
    indexSignatures: [{ keyName: 'property', keyType: 'string', returnType: 'unknown' }],
  };
}

function serviceContextInterface(name: string): InterfaceDeclarationStructure {
  return {
    kind: InterfaceKind,
    isExported: true,
    name,
    docs: ["Liferay's ServiceContext: permissions, asset data and request facts that write actions accept."],
    properties: SERVICE_CONTEXT_FIELDS.map(([field, type, doc]) => ({
      name: field,
      type,
      hasQuestionToken: true,
      docs: [doc],
    })),
    indexSignatures: [{ keyName: 'field', keyType: 'string', returnType: 'unknown' }],
  };
}

/** A property listed twice would not compile; the first one wins, as in the document's order. */
function firstOfEachName<T extends { readonly name: string }>(properties: readonly T[]): T[] {
  const seen = new Set<string>();
  return properties.filter((property) => !seen.has(property.name) && seen.add(property.name));
}
