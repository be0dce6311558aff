/**
 * The mock's HTTP front: routes `/api/jsonws` and `/api/secure/jsonws` (optionally under `/<context>`) to
 * discovery, `/invoke` or path-style calls, checks HTTP Basic, delays the answer by the configured latency
 * and reports one line per request (method, path, status, command paths; never headers or values).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerDiscovery } from './answer-discovery.js';
import { type Credentials, isAuthorized, unauthorized } from './basic-auth.js';
import { readCommandParameters } from './command-parameters.js';
import { documentAnswer, type MockFixtures, serveCommand } from './fixtures.js';
import type { Generation } from './generate-value.js';
import type { MockPortalData } from './load-portal.js';
import type { ActionCall } from './match-action.js';
import { htmlPage, type MockAnswer, writeAnswer } from './mock-answer.js';
import { faultBody, PortalFault } from './portal-fault.js';
import { readCommands, type Statement } from './read-commands.js';
import { readForm } from './read-form.js';
import { StatementRun } from './run-statements.js';

export interface HandlerSettings {
  readonly data: MockPortalData;
  readonly generation: Generation;
  readonly credentials: Credentials | undefined;
  readonly latency: number;
  readonly sleep: (milliseconds: number) => Promise<void>;
  readonly onRequest: ((line: string) => void) | undefined;
  /** `--fixtures`: the user's own answers, before generated ones. */
  readonly fixtures?: MockFixtures | undefined;
}

/** What routing needs of a request, read once. */
interface Incoming {
  readonly method: string;
  readonly url: URL;
  readonly contentType: string;
  readonly body: Buffer;
  /** The context of a `/<context>/api/jsonws` URL. */
  readonly mount: string | undefined;
}

interface Exchange {
  readonly answer: MockAnswer;
  /** The command paths the request named, for the log. */
  readonly commands: readonly string[];
  /** The path to log when not the request's: path-style calls may carry values (passwords) after the action. */
  readonly logPath?: string;
}

const JSONWS = /^(?:\/([^/]+))?\/api\/(?:secure\/)?jsonws(\/.*)?$/;

export function createPortalHandler(
  settings: HandlerSettings,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(request, response, settings).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain;charset=UTF-8' });
      response.end(`mock portal failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, settings: HandlerSettings): Promise<void> {
  const body = await readBody(request);
  const url = new URL(request.url ?? '/', 'http://mock.invalid');
  const { answer, commands, logPath = url.pathname } = await exchange(request, url, body, settings);
  if (settings.latency > 0) await settings.sleep(settings.latency);
  writeAnswer(response, answer);
  const named = commands.length === 0 ? '' : ` ${commands.join(' ')}`;
  settings.onRequest?.(`${request.method ?? 'GET'} ${logPath} ${answer.status}${named}`);
}

async function exchange(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  settings: HandlerSettings,
): Promise<Exchange> {
  const route = JSONWS.exec(url.pathname);
  const document = route === null ? documentAnswer(settings.fixtures, url.pathname) : undefined;
  if (document !== undefined) {
    if (!isAuthorized(request.headers.authorization, settings.credentials))
      return { answer: unauthorized(), commands: [] };
    return { answer: document, commands: [] };
  }
  if (route === null)
    return { answer: htmlPage(404, 'Not Found', `${url.pathname} is not a JSON web services path.`), commands: [] };
  if (!isAuthorized(request.headers.authorization, settings.credentials))
    return { answer: unauthorized(), commands: [] };
  const mount = route[1];
  const rest = route[2] ?? '';
  if (rest === '' || rest === '/') {
    if (!url.searchParams.has('discover'))
      return { answer: htmlPage(200, 'JSON Web Services', 'Use ?discover to list the services.'), commands: [] };
    const baseUrl = `http://${request.headers.host ?? 'localhost'}${url.pathname}`;
    return { answer: answerDiscovery(settings.data, { query: url.searchParams, mount, baseUrl }), commands: [] };
  }
  const incoming: Incoming = {
    method: request.method ?? 'GET',
    url,
    contentType: request.headers['content-type'] ?? '',
    body,
    mount,
  };
  if (rest === '/invoke') return invoke(incoming, settings);
  const called = await callPath(incoming, rest, settings);
  const action = called.commands[0] ?? '';
  return { ...called, logPath: `${url.pathname.slice(0, url.pathname.length - rest.length)}${action}` };
}

/**
 * `/invoke`: the statements come from the `cmd` parameter or the body; a batch fails whole when one statement
 * (nested ones included) fails. The log names every statement read, nested ones too.
 */
async function invoke({ url, contentType, body, mount }: Incoming, settings: HandlerSettings): Promise<Exchange> {
  const { data, generation } = settings;
  const call = (statement: Statement): unknown => {
    const parameters = readCommandParameters([...statement.parameters, ...statement.flagValues]);
    return serveCommand(data, generation, settings.fixtures, {
      path: statement.path,
      parameters,
      method: 'null',
      style: 'invoke',
      mount,
    });
  };
  const run = new StatementRun(call, data.format);
  const commands: string[] = [];
  const exchange = await answered(settings, commands, async () => {
    const cmd = (await readForm(url.searchParams, contentType, body, '')).get('cmd');
    const { batch, entries } = readCommands(typeof cmd === 'string' ? cmd : body.toString('utf8'));
    const results = entries.map((entry) => run.run(entry));
    run.checkNames();
    return batch ? results : singleResult(results[0]);
  });
  commands.push(...run.paths);
  return exchange;
}

/** `/api/jsonws/<service>/<action>[/name/value...]` with query, form or multipart parameters. */
async function callPath(
  { method, url, contentType, body, mount }: Incoming,
  rest: string,
  settings: HandlerSettings,
): Promise<Exchange> {
  const [, service = '', action = '', ...parameterPath] = rest.split('/');
  const path = `/${service}/${action}`;
  return answered(settings, [path], async () => {
    const fields = await readForm(url.searchParams, contentType, body, parameterPath.join('/'));
    const call: ActionCall = { path, parameters: readCommandParameters(fields), method, style: 'path', mount };
    return singleResult(serveCommand(settings.data, settings.generation, settings.fixtures, call));
  });
}

async function answered(settings: HandlerSettings, commands: string[], run: () => Promise<unknown>): Promise<Exchange> {
  try {
    return { answer: { status: 200, json: await run() }, commands };
  } catch (error) {
    if (!(error instanceof PortalFault)) throw error;
    const { status, body } = faultBody(settings.data.format, error);
    return { answer: { status, json: body }, commands };
  }
}

/** A single command's void (null) result is the portal's "null JSON", `{}`; in a batch it stays null. */
function singleResult(result: unknown): unknown {
  return result === null || result === undefined ? {} : result;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
