import type { RawModelType } from '../discovery/formats/types.js';
import { parseAt } from './build-action.js';
import { sortUniqueModels } from './order.js';
import type { Model } from './types.js';

/** The document's `types` as models, sorted by className; properties keep the document's order. */
export function buildModels(types: readonly RawModelType[], document: string): Model[] {
  return sortUniqueModels(types.map((type, index) => buildModel(type, document, `types[${index}]`)));
}

function buildModel(type: RawModelType, document: string, entry: string): Model {
  parseAt(type.type, { document, entry: `${entry}.type` }); // validates the class name
  const className = type.type.replace(/<[\s\S]*$/, '').trim();
  return {
    className,
    simpleName: className.slice(className.lastIndexOf('.') + 1),
    isInterface: type.interface === true,
    properties: (type.properties ?? []).map((property, index) => ({
      name: property.name,
      type: parseAt(property.type, { document, entry: `${entry}.properties[${index}]` }),
      typeName: property.type,
    })),
  };
}
