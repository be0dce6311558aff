import { UploadData, type UploadSource } from './command.js';
import { LiferayError } from './errors.js';
import type { FilePart } from './multipart-body.js';
import type { Upload } from './spec.js';

// Bytes in memory go out in slices of this size, so progress and the idle timeout see them move.
const SLICE = 65536;

/** The little of node:fs used here, typed locally so no Node types are needed to compile. */
interface NodeFs {
  promises: { stat(path: string): Promise<{ size: number }> };
  createReadStream(path: string): AsyncIterable<Uint8Array>;
}

/**
 * A file parameter's value as a file part: its name and type (the Mobile SDK's default type is
 * application/octet-stream; the portal needs a file name to see a part as a file), its size when known,
 * and how to read it again for each attempt.
 */
export async function toFilePart(name: string, value: Upload, path: string): Promise<FilePart> {
  const data = value instanceof UploadData ? value : undefined;
  const source: UploadSource | undefined = value instanceof UploadData ? value.source : value;
  const blob = typeof Blob !== 'undefined' && source instanceof Blob ? source : undefined;
  const named = (source as { name?: unknown } | undefined)?.name;
  const base = {
    name,
    fileName: data?.fileName ?? (typeof named === 'string' ? named : name),
    mimeType: data?.mimeType || blob?.type || 'application/octet-stream',
  };
  if (data?.path !== undefined) return { ...base, ...(await openPath(data.path, path)) };
  if (source instanceof Uint8Array) {
    return { ...base, size: source.length, whole: source, replayable: true, open: () => slices(source) };
  }
  if (blob) return { ...base, size: blob.size, whole: blob, replayable: true, open: () => read(blob.stream()) };
  const size = data?.size;
  const invalid = (): LiferayError =>
    new LiferayError('parameter ' + name + ' takes a Blob, bytes, a stream or an UploadData', {
      path,
      code: 'LIFERAY_INVALID_PARAMETERS',
    });
  if (typeof source !== 'object') throw invalid();
  if ('getReader' in source)
    return {
      ...base,
      size,
      whole: undefined,
      replayable: false,
      open: () => read(source as ReadableStream<Uint8Array>),
    };
  if (Symbol.asyncIterator in source) {
    return { ...base, size, whole: undefined, replayable: false, open: () => source[Symbol.asyncIterator]() };
  }
  throw invalid();
}

async function openPath(file: string, path: string): Promise<Omit<FilePart, 'name' | 'fileName' | 'mimeType'>> {
  const specifier = 'node:fs';
  try {
    const fs = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as NodeFs;
    const { size } = await fs.promises.stat(file);
    return { size, whole: undefined, replayable: true, open: () => fs.createReadStream(file)[Symbol.asyncIterator]() };
  } catch (cause) {
    throw new LiferayError('cannot read the file to upload: ' + file, { path, cause, code: 'LIFERAY_UNREADABLE_FILE' });
  }
}

async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE) yield bytes.subarray(at, at + SLICE);
}

// Reads a web stream through its reader: not every runtime makes web streams async iterable.
function read(stream: ReadableStream<Uint8Array>): AsyncIterator<Uint8Array> {
  const reader = stream.getReader();
  return {
    next: async () => {
      const { done, value } = await reader.read();
      return done ? { done: true, value: undefined } : { done: false, value };
    },
    return: async () => {
      await reader.cancel();
      return { done: true, value: undefined };
    },
  };
}
