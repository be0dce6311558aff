/** Bytes to upload: in memory, a Blob/File, a web stream, or any async iterable such as a Node stream. */
export type UploadSource = Blob | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** How an upload is named and sized; each is optional. */
export interface UploadDataOptions {
  /** The file name the portal receives (default: a File's name, the path's last segment, else the parameter's name). */
  readonly fileName?: string;
  /** Its content type (default: a Blob's type, else application/octet-stream). */
  readonly mimeType?: string;
  /** A stream's size in bytes: lets undici send a Content-Length (fetch sends streams chunked). Blobs, bytes and files know theirs. */
  readonly size?: number;
}

/**
 * A file to upload with its name and content type, like the Mobile SDK's UploadData. Blobs, bytes and streams
 * may also be passed to a `file` parameter as they are; wrap them to name them, or to give a stream's size.
 * A stream can be sent only once: when the portal refuses the credentials, an upload from a stream is not
 * retried after a refresh, while one from bytes, a Blob or a path is.
 */
export class UploadData {
  /** What is sent; undefined for a file read from `path`. */
  readonly source: UploadSource | undefined;
  /** Node: the file read (as a stream, never whole) each time the upload is sent. */
  readonly path: string | undefined;
  readonly fileName: string | undefined;
  readonly mimeType: string | undefined;
  readonly size: number | undefined;

  /** `new UploadData(source, options)`, or `new UploadData({ path })` for a file in Node. */
  constructor(source: UploadSource | { readonly path: string }, options: UploadDataOptions = {}) {
    const path = isPath(source) ? source.path : undefined;
    this.source = isPath(source) ? undefined : source;
    this.path = path;
    this.fileName = options.fileName ?? path?.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    this.mimeType = options.mimeType;
    this.size = options.size;
  }

  /** A file on disk, in Node: its size comes from the file system when sent, so the request has a Content-Length. */
  static fromPath(path: string, options: Omit<UploadDataOptions, 'size'> = {}): UploadData {
    return new UploadData({ path }, options);
  }
}

// A Node file stream has a `path` too, but it is a stream: send what it yields.
function isPath(source: UploadSource | { readonly path: string }): source is { readonly path: string } {
  return typeof (source as { path?: unknown }).path === 'string' && !(Symbol.asyncIterator in source);
}
