import type { StreamedBody } from './transport.js';

/** A file part's content, opened afresh for each attempt. */
export interface FilePart {
  readonly name: string;
  readonly fileName: string;
  readonly mimeType: string;
  /** In bytes, when known: with every size known, the request carries a Content-Length. */
  readonly size: number | undefined;
  /** The whole file when it is a Blob or bytes, so that fetch can send the body as one Blob. */
  readonly whole: Blob | Uint8Array | undefined;
  /** False for a stream, which can be read only once. */
  readonly replayable: boolean;
  open(): AsyncIterator<Uint8Array>;
}

/** A form field (`[name, text]`) or a file. */
export type FormPart = readonly [name: string, text: string] | FilePart;

/** A multipart/form-data body made on demand, whose size is known when every file's size is. */
export interface MultipartBody extends StreamedBody {
  readonly size: number | undefined;
}

/**
 * Frames `parts` as multipart/form-data (RFC 7578, with names quoted as browsers do) around the files' own
 * streams, so no file is ever read whole: only one chunk is in flight, pulled when the HTTP client wants it.
 * `onChunk` hears of each chunk handed over, for progress and for the transfer's idle timeout.
 */
export function multipartBody(
  boundary: string,
  parts: readonly FormPart[],
  onChunk: (bytes: number) => void,
): MultipartBody {
  const segments: (Uint8Array | FilePart)[] = [];
  let text = '';
  for (const part of parts) {
    const name = isField(part) ? part[0] : part.name;
    text += '--' + boundary + '\r\nContent-Disposition: form-data; name="' + quote(name) + '"';
    if (isField(part)) {
      text += '\r\n\r\n' + part[1] + '\r\n';
      continue;
    }
    text +=
      '; filename="' + quote(part.fileName) + '"\r\nContent-Type: ' + part.mimeType.replace(/[\r\n]/g, '') + '\r\n\r\n';
    segments.push(utf8(text), part);
    text = '\r\n';
  }
  segments.push(utf8(text + '--' + boundary + '--\r\n'));
  let size: number | undefined = 0;
  for (const segment of segments) {
    const bytes = segment instanceof Uint8Array ? segment.length : segment.size;
    size = size === undefined || bytes === undefined ? undefined : size + bytes;
  }
  return {
    size,
    stream: () => concatenate(segments, onChunk),
    blob() {
      const wholes = segments.map((segment) => (segment instanceof Uint8Array ? segment : segment.whole));
      return wholes.every((whole) => whole)
        ? new Blob(wholes as NonNullable<ConstructorParameters<typeof Blob>[0]>)
        : undefined;
    },
  };
}

export function isField(part: FormPart): part is readonly [name: string, text: string] {
  return Array.isArray(part);
}

// Browsers' escaping of names and file names in Content-Disposition.
function quote(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function concatenate(
  segments: readonly (Uint8Array | FilePart)[],
  onChunk: (bytes: number) => void,
): ReadableStream<Uint8Array> {
  let index = 0;
  let file: AsyncIterator<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (let segment = segments[index]; segment; segment = segments[index]) {
          let chunk: Uint8Array;
          if (segment instanceof Uint8Array) {
            chunk = segment;
            index++;
          } else {
            const next = await (file ??= segment.open()).next();
            if (next.done) {
              file = undefined;
              index++;
              continue;
            }
            chunk = next.value;
          }
          onChunk(chunk.length);
          return controller.enqueue(chunk);
        }
        controller.close();
      },
      // The request was aborted or refused: stop reading the file (this closes a Node file stream).
      async cancel() {
        await file?.return?.();
      },
    },
    // Pulled only when the HTTP client reads: nothing is buffered ahead of the socket.
    { highWaterMark: 0 },
  );
}
