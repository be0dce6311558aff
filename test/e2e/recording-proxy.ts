/**
 * A recording stand-in in front of the mock portal: every request a generated client sends is recorded
 * exactly as sent (bodies, multipart forms), then handed to the mock, whose answer (a result, or the portal's
 * own exception when it cannot convert a value) goes back to the client. So one call checks both the wire
 * form and that a portal accepts it.
 */
import { join } from 'node:path';
import { startMockPortal, type MockPortal } from '../../src/mock/index.js';
import { startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { projectRoot } from './fixture-documents.js';

export interface RecordingPortal {
  /** What the client talks to; its `requests` are what it sent. */
  readonly proxy: PortalServer;
  /** The mock's request lines ("POST /api/jsonws/invoke 200 /values/set-price"). */
  readonly lines: string[];
  close(): Promise<void>;
}

export async function startRecordingPortal(document: string): Promise<RecordingPortal> {
  const lines: string[] = [];
  const mock: MockPortal = await startMockPortal({
    discovery: [join(projectRoot, document)],
    port: 0,
    onRequest: (line) => lines.push(line),
  });
  const proxy = await startPortalServer(async (request, response) => {
    const contentType = request.headers['content-type'];
    const answer = await fetch(`${mock.url}${request.url}`, {
      method: request.method,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
      ...(request.method === 'GET' ? {} : { body: request.rawBody }),
    });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  return {
    proxy,
    lines,
    async close() {
      await proxy.close();
      await mock.close();
    },
  };
}
