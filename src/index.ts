/**
 * The programmatic API of liferay-sdk-builder; the CLI only adapts flags to these calls.
 */
export { discoverDocuments, DiscoveryError, type DiscoverOptions, type DiscoveryDocument, type DiscoveryEvent } from './discovery/index.js';
export { buildApi, ModelError, parseJavaType } from './model/index.js';
export type { Api, Context, Service, Action, Parameter, JavaType, Model } from './model/types.js';
export {
  check,
  generate,
  type CheckResult,
  type GenerateOptions,
  type GenerateResult,
  type GeneratedPackage,
  type PackageCheck,
  type RunSummary,
  type Stage,
} from './generate.js';
export { BuilderError } from './errors.js';
export { VERSION } from './version.js';
