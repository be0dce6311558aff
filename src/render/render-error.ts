import { BuilderError } from '../errors.js';

/** `render.override`: a template from --templates failed (the user's to fix); `render.template`: a bundled one did (a bug). */
export type RenderErrorCode = 'render.template' | 'render.override';

/** A template failed to render: names the template (or partial) and what it lacked. Nothing was written. */
export class RenderError extends BuilderError {
  declare readonly code: RenderErrorCode;
  /** `sync/service`, `partials/header`: the innermost template that failed. */
  readonly template: string;

  constructor(code: RenderErrorCode, template: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.template = template;
  }
}
