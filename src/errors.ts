/**
 * The one error base of the builder. Every stage throws a subclass that carries a namespaced `code`
 * (`discovery.unauthorized`, `model.invalid-type`, `verify.type-error`, ...); the library never decides how a
 * process exits: `cli/exit-codes.ts` maps codes to exit numbers, and only `cli/main.ts` exits. Messages are
 * one line and never contain credentials.
 */
import type { DiscoveryErrorCode } from './discovery/discovery-error.js';
import type { FormatErrorCode } from './format/format-error.js';
import type { GenerateErrorCode } from './generate-options.js';
import type { MockErrorCode } from './mock/mock-error.js';
import type { ModelErrorCode } from './model/model-error.js';
import type { RenderErrorCode } from './render/render-error.js';
import type { VerifyErrorCode } from './verify/verify-error.js';
import type { WriteErrorCode } from './write/write-error.js';

/** Every code the library throws with, by stage: what a build script can tell failures apart by. */
export type ErrorCode =
  | DiscoveryErrorCode
  | ModelErrorCode
  | RenderErrorCode
  | FormatErrorCode
  | VerifyErrorCode
  | WriteErrorCode
  | GenerateErrorCode
  | MockErrorCode;

export class BuilderError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
