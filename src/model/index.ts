/**
 * The model stage. Consumes validated discovery documents (`DiscoveryDocument[]`, all of one format) and
 * produces the intermediate model (`Api`): contexts → services → actions, plus the models from `types`,
 * sorted and deduplicated so that the same portal always gives the same model.
 */
export { buildApi } from './build-api.js';
export { parseJavaType } from './parse-java-type.js';
export { ModelError, type ModelErrorCode } from './model-error.js';
export { PORTAL_CONTEXT } from './build-context.js';
export {
  assignServiceIds,
  methodNameOf,
  serviceClassName,
  serviceNameOf,
  splitActionPath,
  splitJavaName,
} from './names.js';
export type * from './types.js';
