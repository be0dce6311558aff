/**
 * The body of `POST /api/jsonws/invoke`, read as JSONWebServiceInvokerAction reads it: one command
 * `{"/path": {parameters}}` (answered with its result) or an array of them (answered with the array of
 * results). `"$name = /path"` assignments are accepted for their path; their nested statements and
 * `@` flags are ignored.
 */
import { type CommandParameters, readCommandParameters } from './command-parameters.js';
import { invalidCommand, PortalFault } from './portal-fault.js';

export interface MockCommand {
  readonly path: string;
  readonly parameters: CommandParameters;
}

export interface InvokeBody {
  readonly batch: boolean;
  readonly commands: readonly MockCommand[];
}

export function readCommands(text: string): InvokeBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidCommand('Unable to deserialize object');
  }
  if (Array.isArray(json)) return { batch: true, commands: json.map(readCommand) };
  if (isObject(json)) return { batch: false, commands: [readCommand(json)] };
  throw invalidCommand();
}

function readCommand(entry: unknown): MockCommand {
  const first = isObject(entry) ? Object.entries(entry)[0] : undefined;
  if (first === undefined) throw invalidCommand();
  const [assignment, body] = first;
  if (!isObject(body)) throw invalidCommand();
  const equals = assignment.indexOf('=');
  const path = (equals < 0 ? assignment : assignment.slice(equals + 1)).trim();
  if (!path.startsWith('/')) throw new PortalFault('java.lang.IllegalArgumentException', `Invalid command path ${path}`);
  const parameters = Object.entries(body).filter(([key]) => !key.startsWith('@') && !key.startsWith('$') && !key.includes('.$'));
  return { path, parameters: readCommandParameters(parameters) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
