/**
 * The programmatic API of liferay-sdk-builder; the CLI only adapts flags to these calls.
 */
export { discoverDocuments, DiscoveryError, type DiscoverOptions, type DiscoveryDocument, type DiscoveryEvent } from './discovery/index.js';
export { buildApi, ModelError, parseJavaType } from './model/index.js';
export type { Api, Context, Service, Action, Parameter, JavaType, Model } from './model/types.js';
export { generate, renderPackages, type GenerateOptions, type GenerateResult, type GeneratedPackage, type Stage } from './generate.js';
export { BuilderError, ExitCode } from './errors.js';
export { VERSION } from './version.js';
