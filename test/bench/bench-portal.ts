/**
 * The stand-in portal of the runtime benchmarks: a keep-alive node:http server on 127.0.0.1 answering
 * `/api/jsonws/invoke` with one small fixed result per command, after an optional latency. It runs in its
 * own process (this bundle, started with `--serve-portal <ms>`), so its work is not counted as the client's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SERVE_FLAG = '--serve-portal';

const RESULT = '{"entryId":1,"groupId":20143,"title":"Hello","urlTitle":"hello","status":0}';

type Message =
  { readonly kind: 'listening'; readonly port: number } | { readonly kind: 'requests'; readonly count: number };

export interface BenchPortal {
  /** "http://127.0.0.1:<port>". */
  readonly url: string;
  /** Requests received so far (a batch counts once). */
  requests(): Promise<number>;
  close(): Promise<void>;
}

export async function startBenchPortal(latencyMs: number): Promise<BenchPortal> {
  const child = fork(fileURLToPath(import.meta.url), [SERVE_FLAG, String(latencyMs)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage(child, 'listening');
  return {
    url: `http://127.0.0.1:${port}`,
    requests: async () => {
      const answer = nextMessage(child, 'requests');
      child.send({ kind: 'requests' });
      return (await answer).count;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}

function nextMessage<K extends Message['kind']>(child: ChildProcess, kind: K): Promise<Extract<Message, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onExit = (): void => reject(new Error(`the bench portal exited before sending "${kind}"`));
    child.once('exit', onExit);
    const onMessage = (message: Message): void => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<Message, { kind: K }>);
    };
    child.on('message', onMessage);
  });
}

/** The server side, run in the child process. */
export function servePortal(latencyMs: number): void {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = answerFor(Buffer.concat(chunks).toString('utf8'));
      const send = (): void => {
        response.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        response.end(body);
      };
      if (latencyMs > 0) setTimeout(send, latencyMs);
      else send();
    });
  });
  server.keepAliveTimeout = 60_000;
  process.on('message', () => process.send?.({ kind: 'requests', count: requests }));
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
    process.send?.({ kind: 'listening', port: (server.address() as AddressInfo).port });
  });
}

/** One result per command of the request body, as the portal's /invoke answers a batch. */
function answerFor(body: string): string {
  let commands = 1;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (Array.isArray(parsed)) commands = parsed.length;
  } catch {
    // Not JSON: answer as for one command; the benchmarks never send this.
  }
  return commands === 1 ? `[${RESULT}]` : `[${Array.from({ length: commands }, () => RESULT).join(',')}]`;
}
