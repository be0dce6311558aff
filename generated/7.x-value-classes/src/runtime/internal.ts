/**
 * The runtime's internals, for generated code only: how a service class is made from its actions table
 * (`defineService`, `defineCallbackService`), the table's types, and what a service calls (`Invoker`). Not
 * re-exported by the package's index nor reachable through its package.json exports, and not part of the
 * API report: these names may change in any release. Apps use the index.
 */
export type { Command } from './command.js';
export type { Invoker } from './invoker.js';
export type { ServiceClass } from './service.js';
export { defineCallbackService, defineService, invokeWithCallback } from './service.js';
export type { ActionSpec, OverloadSpec, ParameterSpec } from './spec.js';
