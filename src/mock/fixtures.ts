/**
 * `mock --fixtures <file>`: the user's own answers for chosen actions and documents, so that a front end's
 * tests see the data they expect. An action fixture names an action's path and, optionally, parameter values
 * that must match; the first fixture that matches a command gives its result or its error, and commands no
 * fixture matches get generated results. Documents are served by their URL path, for downloads.
 *
 *   { "actions": [
 *       { "path": "/blogsentry/get-entry", "parameters": { "entryId": 7 }, "result": { "entryId": 7, "title": "Hello" } },
 *       { "path": "/blogsentry/get-entry", "error": { "type": "com.liferay.blogs.exception.NoSuchEntryException", "message": "No BlogsEntry exists with the primary key 8", "status": 404 } }
 *     ],
 *     "documents": { "/documents/20143/0/hello.txt": { "text": "hello", "contentType": "text/plain" } } }
 */
import { readFile } from 'node:fs/promises';
import { checkArguments } from './check-arguments.js';
import { parameterValue } from './command-parameters.js';
import type { Generation } from './generate-value.js';
import type { MockPortalData } from './load-portal.js';
import { type ActionCall, matchAction } from './match-action.js';
import type { MockAnswer } from './mock-answer.js';
import { MockError } from './mock-error.js';
import { PortalFault } from './portal-fault.js';
import { runCommand } from './run-command.js';

export interface ActionFixture {
  readonly path: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly result?: unknown;
  readonly error?: { readonly type: string; readonly message: string; readonly status: number };
}

export interface MockFixtures {
  readonly actions: readonly ActionFixture[];
  /** By URL path ("/documents/20143/0/hello.txt"). */
  readonly documents: ReadonlyMap<string, { readonly text: string; readonly contentType: string }>;
}

/** Reads and checks a fixtures file: every path must be an action of the discovery documents. */
export async function loadFixtures(file: string, data: MockPortalData): Promise<MockFixtures> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw invalid(file, `cannot be read: ${(error as Error).message}`, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid(file, `is not JSON: ${(error as Error).message}`, error);
  }
  if (!isObject(json)) throw invalid(file, 'must be a JSON object with "actions" and/or "documents"');
  const { actions = [], documents = {}, ...rest } = json;
  const unknown = Object.keys(rest);
  if (unknown.length > 0)
    throw invalid(file, `has unknown keys: ${unknown.join(', ')} (expected "actions", "documents")`);
  if (!Array.isArray(actions)) throw invalid(file, '"actions" must be an array');
  if (!isObject(documents)) throw invalid(file, '"documents" must be an object of URL paths');
  return {
    actions: actions.map((fixture, index) => readAction(file, `actions[${index}]`, fixture, data)),
    documents: new Map(Object.entries(documents).map(([path, document]) => [path, readDocument(file, path, document)])),
  };
}

function readAction(file: string, at: string, fixture: unknown, data: MockPortalData): ActionFixture {
  if (!isObject(fixture)) throw invalid(file, `${at} must be an object with "path" and "result" or "error"`);
  const { path, parameters = {}, error, ...rest } = fixture;
  const unknown = Object.keys(rest).filter((key) => key !== 'result');
  if (unknown.length > 0) throw invalid(file, `${at} has unknown keys: ${unknown.join(', ')}`);
  if (typeof path !== 'string') throw invalid(file, `${at}.path must be an action path such as "/user/get-user-by-id"`);
  if (!data.actions.has(path)) throw invalid(file, `${at}.path: no action ${path} in the discovery documents`);
  if (!isObject(parameters)) throw invalid(file, `${at}.parameters must be an object of parameter values`);
  if ('result' in fixture === (error !== undefined)) throw invalid(file, `${at} needs either "result" or "error"`);
  if (error === undefined) return { path, parameters, result: fixture['result'] };
  if (!isObject(error) || typeof error['type'] !== 'string' || typeof error['message'] !== 'string') {
    throw invalid(file, `${at}.error must be { "type": "<Java exception class>", "message": "...", "status"?: 500 }`);
  }
  const status = error['status'] ?? 500;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    throw invalid(file, `${at}.error.status must be an HTTP status from 200 to 599`);
  }
  return { path, parameters, error: { type: error['type'], message: error['message'], status } };
}

function readDocument(file: string, path: string, document: unknown): { text: string; contentType: string } {
  const at = `documents["${path}"]`;
  if (!path.startsWith('/')) throw invalid(file, `${at}: a document's key is its URL path, starting with "/"`);
  if (!isObject(document) || typeof document['text'] !== 'string')
    throw invalid(file, `${at} must be { "text": "...", "contentType"?: "text/plain" }`);
  const contentType = document['contentType'] ?? 'application/octet-stream';
  if (typeof contentType !== 'string') throw invalid(file, `${at}.contentType must be a string`);
  return { text: document['text'], contentType };
}

/**
 * One command: the first fixture of its action whose parameters all match gives the result (or throws its
 * error as the portal would); otherwise the generated result. The action is matched and its arguments
 * checked first, so a fixture never hides a call the portal would refuse.
 */
export function serveCommand(
  data: MockPortalData,
  generation: Generation,
  fixtures: MockFixtures | undefined,
  call: ActionCall,
): unknown {
  if (fixtures === undefined) return runCommand(data, generation, call);
  const action = matchAction(data, call);
  const ignoreCase = data.format === '7.x';
  checkArguments(action, call.parameters, ignoreCase);
  const fixture = fixtures.actions.find(
    (each) =>
      each.path === action.path &&
      Object.entries(each.parameters).every(([name, value]) =>
        sameValue(parameterValue(call.parameters, name, ignoreCase), value),
      ),
  );
  if (fixture === undefined) return runCommand(data, generation, call);
  if (fixture.error !== undefined)
    throw new PortalFault(fixture.error.type, fixture.error.message, fixture.error.status);
  return fixture.result;
}

/** A fixture document at `path`, as an answer; undefined when there is none. */
export function documentAnswer(fixtures: MockFixtures | undefined, path: string): MockAnswer | undefined {
  const document = fixtures?.documents.get(path);
  if (document === undefined) return undefined;
  // Its length, as a portal sends for a stored file: downloads report their size and progress.
  const headers = { 'content-type': document.contentType, 'content-length': String(Buffer.byteLength(document.text)) };
  return { status: 200, html: document.text, headers };
}

/** Values arrive as JSON (`/invoke`) or as text (forms, path-style calls): scalars compare by their text. */
function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== 'object' || expected === null)
    return actual !== undefined && (typeof actual === 'string' ? actual : JSON.stringify(actual)) === String(expected);
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(file: string, message: string, cause?: unknown): MockError {
  return new MockError('mock.options', `--fixtures ${file} ${message}`, cause === undefined ? undefined : { cause });
}
