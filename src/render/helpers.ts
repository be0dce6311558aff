/**
 * The only helpers templates may call: each makes a value safe for where it lands. Templates are compiled
 * without HTML escaping, so these are the whole defence against a hostile discovery document.
 */
import { isSafeIdentifier } from '../typemap/identifiers.js';
import { toCodeString, toCommentText, toStringLiteral } from '../typemap/safe-text.js';

export const HELPERS = {
  /** An identifier; names were sanitised by the typemap, so anything else here is a bug, not input to fix. */
  identifier(value: unknown): string {
    if (typeof value !== 'string' || !isSafeIdentifier(value)) {
      throw new Error(`render: ${JSON.stringify(value)} is not a safe identifier`);
    }
    return value;
  },
  /** A string literal in the quotes prettier picks for TypeScript (JSON_HELPERS has the one for JSON files). */
  string(value: unknown, options?: HelperOptions): string {
    return toCodeString(text(value, 'string', options));
  },
  /**
   * Text inside a comment or a one-line Markdown/HTML context: cannot end the comment or the line. HTML
   * comments end at `--!>` as well as at `-->`.
   */
  comment(value: unknown, options?: HelperOptions): string {
    return toCommentText(text(value, 'comment', options)).replace(/--(!?)>/g, '--$1\\>');
  },
} as const;

/** What templates of JSON files (package.json, tsconfig.json) call instead: strings in JSON's double quotes. */
export const JSON_HELPERS: Pick<typeof HELPERS, 'string'> = {
  string(value: unknown, options?: HelperOptions): string {
    return toStringLiteral(text(value, 'string', options));
  },
};

/** What Handlebars passes every helper last: where the call is in its template. */
interface HelperOptions {
  readonly loc?: { readonly start?: { readonly line?: number } };
}

/** A missing view field must fail the render, not print "undefined" into the output. */
function text(value: unknown, helper: string, options: HelperOptions | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const line = options?.loc?.start?.line;
  const got = value === undefined ? 'undefined (a missing view field)' : typeof value;
  throw new Error(`the ${helper} helper${line === undefined ? '' : ` on line ${line}`} expected text, got ${got}`);
}

export type HelperName = keyof typeof HELPERS;
