import type { Cancellation } from './deadline.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** The little of undici this runtime uses, typed locally so no undici types are needed to compile. */
export interface UndiciModule {
  Agent: new (options?: { connections?: number }) => UndiciAgent;
}

interface UndiciAgent {
  request(options: {
    origin: string;
    path: string;
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    signal: Cancellation;
  }): Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | undefined>;
    body: { text(): Promise<string> };
  }>;
  close(): Promise<void>;
}

/** undici's `request` on one keep-alive Agent: the cheapest way to POST from Node. Redirects are not followed. */
export function nodeTransport(undici: UndiciModule, url: string, connections?: number): Transport {
  const match = /^([^:/]+:\/\/[^/]+)(.*)$/.exec(url);
  const origin = match?.[1] ?? url;
  const path = match?.[2] || '/';
  // A call that follows an answer in the same tick finds its socket not yet back in the pool, and undici would
  // open another: capped at the session's limit, the pool queues that call for the moment instead.
  const agent = new undici.Agent(connections ? { connections } : {});
  return {
    async send({ headers, body, signal }: TransportRequest): Promise<TransportResponse> {
      const answer = await agent.request({ origin, path, method: 'POST', headers, body, signal });
      const location = answer.headers['location'];
      return {
        status: answer.statusCode,
        location: typeof location === 'string' ? location : undefined,
        body: await answer.body.text(),
      };
    },
    close: () => agent.close(),
  };
}
