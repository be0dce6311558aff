/**
 * Portals for the upload tests: one that answers each multipart upload with a summary of what it parsed
 * (as the portal answers an upload: with the result itself), and the action specs the generator emits.
 */
import {
  serveJson,
  startPortalServer,
  type PortalHandler,
  type PortalServer,
  type RecordedRequest,
} from '../helpers/portal-server.js';
import type { ActionSpec } from '../../src/runtime/internal.js';
import { fieldsOf, parseMultipart } from './multipart.js';

export interface UploadSummary {
  readonly fields: [string, string][];
  readonly files: { name: string; fileName: string | undefined; contentType: string | undefined; text: string }[];
}

export function summarize(request: RecordedRequest): UploadSummary {
  const parts = parseMultipart(request.headers, request.rawBody);
  const files = parts.filter((part) => part.fileName !== undefined);
  return {
    fields: fieldsOf(parts),
    files: files.map(({ name, fileName, contentType, body }) => ({
      name,
      fileName,
      contentType,
      text: body.toString('utf8'),
    })),
  };
}

/** Answers each upload with the summary of its form. */
export const summarizeUpload: PortalHandler = (request, response, incoming) =>
  serveJson(summarize(request))(request, response, incoming);

export function startUploadPortal(handler: PortalHandler = summarizeUpload): Promise<PortalServer> {
  return startPortalServer(handler);
}

/** A web stream of the given texts. */
export function webStream(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

export const serviceContextClass = 'com.liferay.portal.kernel.service.ServiceContext';

export const addFileEntry: ActionSpec = [
  '/dlapp/add-file-entry',
  [
    [
      'repositoryId',
      'folderId',
      'sourceFileName',
      'mimeType',
      'title',
      'description',
      'changeLog',
      ['file', 'file'],
      ['serviceContext', 'context', serviceContextClass],
    ],
  ],
];

export const fileEntry = {
  repositoryId: 20143,
  folderId: 0,
  sourceFileName: 'Été "2024".txt',
  mimeType: 'text/plain',
  title: 'Été',
  description: undefined,
  changeLog: '',
};

export const addAttachment: ActionSpec = [
  '/x/add-attachment',
  [
    [
      'entryId',
      ['thumbnail', 'bytes'],
      ['selector', 'object', 'com.example.ImageSelector'],
      ['attachment', 'file'],
      'tags',
      'when',
    ],
  ],
];
