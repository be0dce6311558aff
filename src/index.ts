/**
 * The programmatic API of liferay-sdk-builder, for build scripts; the CLI only adapts flags to these calls.
 * ESM only: from CommonJS, `await import('liferay-sdk-builder')`.
 *
 * - `generate(options)`: discover, generate and write a client package (or its sources), as `generate` does.
 * - `check(options)`: what `generate --check` reports: what writing would change, without writing.
 * - `discover(options)`: the discovery documents of a portal or of saved files, validated (and filtered).
 * - `buildApi(documents)`: those documents as the builder's model (`Api`: contexts, services, actions, models).
 * - `startMockPortal(options)`: the mock portal of `liferay-sdk-builder mock`, for an app's own tests.
 *
 * Every failure is a `BuilderError` with a namespaced `code` (`discovery.unauthorized`, `verify.type-error`,
 * ...; see `ErrorCode`); messages are one line and never contain credentials.
 */
export {
  discoverDocuments,
  discoverDocuments as discover,
  DiscoveryError,
  type Credentials,
  type DiscoverOptions,
  type DiscoveryDocument,
  type DiscoveryErrorCode,
  type DiscoveryEvent,
  type DiscoveryFormat,
} from './discovery/index.js';
export { buildApi, ModelError, parseJavaType, type ModelErrorCode } from './model/index.js';
export type { Api, Context, Service, Action, Parameter, Returns, Provenance, JavaType, Model } from './model/types.js';
export {
  check,
  generate,
  type CheckResult,
  type ContextOptions,
  type GenerateOptions,
  type GenerateResult,
  type GeneratedPackage,
  type PackageCheck,
  type PackageFigures,
  type PackageSummary,
  type RenderReport,
  type RunSummary,
  type Stage,
  type Style,
} from './generate.js';
export type { Layout } from './render/layout.js';
export type { RenderedFile } from './render/render-package.js';
export type { PackageDrift } from './check/check.js';
export type { ApiChange, ChangeKind } from './check/api-changes.js';
export type { ChangeClass, SemverClass } from './check/semver.js';
export type { Release } from './check/release.js';
export { GenerateError, type GenerateErrorCode } from './generate-options.js';
export {
  startMockPortal,
  MockError,
  type MockPortal,
  type MockPortalOptions,
  type MockErrorCode,
} from './mock/index.js';
export { BuilderError, type ErrorCode } from './errors.js';
export { VERSION } from './version.js';
