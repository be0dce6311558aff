/**
 * JSON-WS flavours of the shared test portal: an `/invoke` that answers each command with its own
 * parameters, so tests can check both what was sent and which result reached which caller.
 */
import {
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
  type RecordedRequest,
} from '../helpers/portal-server.js';
import { afterEach, beforeEach } from 'vitest';
import { Session } from '../../src/runtime/index.js';
import type { ActionSpec } from '../../src/runtime/internal.js';

/** The commands of a recorded request, parsed. */
export function commandsOf(request: RecordedRequest | undefined): Record<string, Record<string, unknown>>[] {
  return JSON.parse(request?.body ?? 'null') as Record<string, Record<string, unknown>>[];
}

/** Answers each command with its parameters object. */
export const echo: PortalHandler = (request, response, incoming) =>
  serveJson(commandsOf(request).map((command) => Object.values(command)[0]))(request, response, incoming);

export function startEchoPortal(): Promise<PortalServer> {
  return startPortalServer(echo);
}

/** An echo portal and a session on it, started afresh before each test of the file and closed after it. */
export function echoSessionPerTest(): { readonly portal: PortalServer; readonly session: Session } {
  const current: { portal?: PortalServer; session?: Session } = {};
  beforeEach(async () => {
    current.portal = await startEchoPortal();
    current.session = new Session({ server: current.portal.url });
  });
  afterEach(async () => {
    await current.session?.close();
    await current.portal?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the echo portal runs only during a test');
    return value;
  };
  return {
    get portal() {
      return started(current.portal);
    },
    get session() {
      return started(current.session);
    },
  };
}

export interface EchoPortal {
  readonly portal: PortalServer;
  readonly session: Session;
}

/** The same, for a file that keeps its own `portal` and `session` variables: `use` receives them before each test. */
export function useEchoPortal(use: (started: EchoPortal) => void): void {
  const echo = echoSessionPerTest();
  beforeEach(() => use({ portal: echo.portal, session: echo.session }));
}

/** A 7.x portal exception body. */
export function portalError(type: string, message: string): { error: { type: string; message: string } } {
  return { error: { type, message } };
}

// Action specs as the generator emits them.
export const getGroupEntries: ActionSpec = [
  '/blogsentry/get-group-entries',
  [
    ['groupId', 'status', 'start', 'end'],
    ['groupId', 'displayDate', 'status', 'start', 'end'],
  ],
];
export const getEntry: ActionSpec = ['/blogsentry/get-entry', [['entryId']]];
export const getUserById: ActionSpec = ['/user/get-user-by-id', [['userId']]];
export const addEntry: ActionSpec = [
  '/blogsentry/add-entry',
  [
    [
      'title',
      'content',
      ['smallImageFileEntry', 'bytes'],
      ['coverImageSelector', 'object', 'com.liferay.portal.kernel.servlet.taglib.ui.ImageSelector'],
      ['serviceContext', 'context', 'com.liferay.portal.kernel.service.ServiceContext'],
    ],
  ],
];
export const addFileEntry: ActionSpec = ['/dlapp/add-file-entry', [['repositoryId', 'title', ['file', 'file']]]];
