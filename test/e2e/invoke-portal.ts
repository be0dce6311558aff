/**
 * JSON-WS `/invoke` behaviour for the shared recording portal: answers each command of the request with
 * `{path, parameters}`, so a test sees both what went on the wire and which result reached which caller.
 */
import { serveJson, type PortalHandler, type RecordedRequest } from '../helpers/portal-server.js';

export type WireCommand = Record<string, Record<string, unknown>>;

/** The commands of a recorded request, parsed; fails the test when the body is not a JSON array. */
export function commandsOf(request: RecordedRequest | undefined): WireCommand[] {
  if (request === undefined) throw new Error('no request was recorded');
  const commands = JSON.parse(request.body) as unknown;
  if (!Array.isArray(commands)) throw new Error(`the request body is not a JSON array: ${request.body}`);
  return commands as WireCommand[];
}

/** The answer the echo portal gives to one command. */
export function echoOf(command: WireCommand): { path: string; parameters: unknown } {
  const [path, parameters] = Object.entries(command)[0] ?? ['', undefined];
  return { path, parameters };
}

export const echoInvoke: PortalHandler = (request, response, incoming) =>
  serveJson(commandsOf(request).map(echoOf))(request, response, incoming);

/** A 7.x portal exception, as `/invoke` answers it. */
export function portalException(type: string, message: string): { error: { type: string; message: string } } {
  return { error: { type, message } };
}
