/**
 * Turns the text of one discovery answer or file into a validated DiscoveryDocument: HTML check, JSON parse
 * (with the error position), format detection, shape validation, and the document's context.
 */
import {
  htmlError,
  htmlFileError,
  invalidDocumentError,
  invalidJsonError,
  unknownFormatError,
} from './discovery-failures.js';
import { detectFormat } from './detect-format.js';
import { isJsonObject, ShapeViolation } from './formats/shape-check.js';
import type { DiscoveryDocument } from './formats/types.js';
import { validateLegacyDocument } from './formats/legacy.js';
import { validateV62Document } from './formats/v62.js';
import { validateV7Document } from './formats/v7.js';
import { locateJsonError } from './locate-json-error.js';

export interface DocumentText {
  readonly text: string;
  /** The URL without credentials, or the file path. */
  readonly source: string;
  /** The context asked for, if any; otherwise the document's own `contextName`/`context` decides. */
  readonly context?: string | undefined;
  /** Read from a saved file rather than fetched: errors then speak of the file, not of the portal. */
  readonly fromFile?: boolean;
}

export function decodeDocument({ text, source, context, fromFile = false }: DocumentText): DiscoveryDocument {
  const json = parseJson(text, source, fromFile);
  const format = detectFormat(json);
  if (format === undefined) throw unknownFormatError(source, portalErrorMessage(json));
  try {
    switch (format) {
      case 'legacy':
        return { format, source, context: contextName(context), document: validateLegacyDocument(json), raw: json };
      case '6.2': {
        const document = validateV62Document(json);
        return { format, source, context: contextName(context ?? document.context), document, raw: json };
      }
      case '7.x': {
        const document = validateV7Document(json);
        return { format, source, context: contextName(context ?? document.contextName), document, raw: json };
      }
    }
  } catch (error) {
    if (error instanceof ShapeViolation) throw invalidDocumentError(source, error.detail);
    throw error;
  }
}

/** The portal's own services are the context "portal", whether asked as "portal", "" or not at all. */
function contextName(name: string | undefined): string {
  return name === undefined || name === '' ? 'portal' : name;
}

function parseJson(text: string, source: string, fromFile: boolean): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trimStart().startsWith('<')) throw fromFile ? htmlFileError(source, body) : htmlError(source, body);
  try {
    return JSON.parse(body);
  } catch (error) {
    throw invalidJsonError(source, locateJsonError(body), error);
  }
}

/** Liferay answers errors as {"exception": "..."} (6.x) or {"error": {"message": "..."}} (7.x). */
function portalErrorMessage(json: unknown): string | undefined {
  if (!isJsonObject(json)) return undefined;
  const { exception, error } = json;
  if (typeof exception === 'string') return exception;
  if (isJsonObject(error) && typeof error['message'] === 'string') return error['message'];
  return undefined;
}
