import { LiferayError } from './errors.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** The little of `fetch` this runtime uses, typed locally to compile with or without the DOM library. */
type Fetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number; type?: string; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** The global `fetch`: browsers, React Native, Deno, Bun, and Node without undici. */
export function fetchTransport(url: string): Transport {
  return {
    async send({ headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const fetch = (globalThis as { fetch?: Fetch }).fetch;
      if (!fetch) throw new LiferayError('no global fetch in this runtime');
      // fetch needs a real AbortSignal.
      const controller = new AbortController();
      const abort = (): void => controller.abort(signal.reason);
      signal.addEventListener('abort', abort);
      try {
        const answer = await fetch(url, { method: 'POST', headers, body, signal: controller.signal, redirect: 'manual' });
        return {
          // Browsers hide manual redirects as status 0 "opaqueredirect": still a redirect.
          status: answer.type === 'opaqueredirect' ? 302 : answer.status,
          location: answer.headers.get('location') ?? undefined,
          body: await answer.text(),
        };
      } finally {
        signal.removeEventListener('abort', abort);
      }
    },
    close: () => Promise.resolve(),
  };
}
