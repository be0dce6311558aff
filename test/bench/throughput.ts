/**
 * Section 3, throughput: reads against a portal that takes 5 ms per request, made one after another,
 * all at once, as one explicit batch, and all at once with automatic batching; time, requests the portal
 * received, and the speed-up over sequential calls.
 */
import type { BenchContext } from './bench-context.js';
import { atLeast, atMost, type Figure, type SectionResult } from './bench-report.js';
import { startBenchPortal, type BenchPortal } from './bench-portal.js';
import { portalClient, type ClientModule } from './client-package.js';
import { median } from './statistics.js';

const LATENCY_MS = 5;
const SIZES = [1000, 100] as const;
const WAYS = ['sequential', 'concurrent', 'explicit batch', 'automatic batching'] as const;
type Way = (typeof WAYS)[number];
type Reads = (count: number) => Promise<unknown>;

interface Outcome {
  readonly ms: number[];
  readonly requests: number[];
}

export async function benchThroughput(context: BenchContext): Promise<SectionResult> {
  context.log(`throughput: reads against a portal with ${LATENCY_MS} ms latency`);
  const client = await portalClient(context.root, context.cacheDir);
  const portal = await startBenchPortal(LATENCY_MS);
  const session = new client.Session({ server: portal.url });
  const autoSession = new client.Session({ server: portal.url, autoBatch: true });
  try {
    const reads = readers(client, session, autoSession);
    // Opens a connection and loads undici for each session, outside the timings.
    await reads['sequential'](1);
    await reads['automatic batching'](1);
    const repeats = Math.min(context.options.runs, 3);
    const figures: Figure[] = [];
    for (const size of SIZES)
      figures.push(...sizeFigures(size, await measureSize(context, portal, reads, size, repeats), repeats));
    return { figures };
  } finally {
    await Promise.all([session.close(), autoSession.close()]);
    await portal.close();
  }
}

function readers(
  client: ClientModule,
  session: InstanceType<ClientModule['Session']>,
  autoSession: InstanceType<ClientModule['Session']>,
): Record<Way, Reads> {
  const service = new client.BlogsEntryService(session);
  const autoService = new client.BlogsEntryService(autoSession);
  const ids = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);
  return {
    sequential: async (count) => {
      for (const entryId of ids(count)) await service.getEntry({ entryId });
    },
    concurrent: (count) => Promise.all(ids(count).map((entryId) => service.getEntry({ entryId }))),
    'explicit batch': (count) =>
      session.batch((batch) => {
        const batched = new client.BlogsEntryService(batch);
        return ids(count).map((entryId) => batched.getEntry({ entryId }));
      }),
    'automatic batching': (count) => Promise.all(ids(count).map((entryId) => autoService.getEntry({ entryId }))),
  };
}

async function measureSize(
  context: BenchContext,
  portal: BenchPortal,
  reads: Record<Way, Reads>,
  size: number,
  repeats: number,
): Promise<Map<Way, Outcome>> {
  const outcomes = new Map<Way, Outcome>(WAYS.map((way) => [way, { ms: [], requests: [] }]));
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const way of WAYS) {
      const before = await portal.requests();
      const start = performance.now();
      await reads[way](size);
      const ms = performance.now() - start;
      const requests = (await portal.requests()) - before;
      outcomes.get(way)?.ms.push(ms);
      outcomes.get(way)?.requests.push(requests);
      context.log(`throughput ${size} reads, ${way}: ${Math.round(ms)} ms, ${requests} requests`);
    }
  }
  return outcomes;
}

function sizeFigures(size: number, outcomes: Map<Way, Outcome>, runs: number): Figure[] {
  const sequential = median(outcomes.get('sequential')?.ms ?? []);
  const figures = WAYS.map((way): Figure => {
    const { ms, requests } = outcomes.get(way) ?? { ms: [], requests: [] };
    const time = median(ms);
    const speedUp = way === 'sequential' ? {} : { ratio: sequential / time, ratioTo: 'speed-up vs sequential' };
    const target =
      size === 100 && way === 'automatic batching'
        ? { target: atLeast(sequential / time, 20, '20x faster (ratio)') }
        : {};
    const name = `${size.toLocaleString('en-US')} reads at ${LATENCY_MS} ms: ${way}`;
    return {
      section: 'throughput',
      name,
      value: time,
      unit: 'ms',
      ...speedUp,
      ...target,
      runs,
      note: plural(median(requests), 'request'),
      detail: { ms, requests },
    };
  });
  if (size === 100) {
    const requests = median(outcomes.get('automatic batching')?.requests ?? []);
    const name = `${size} reads at ${LATENCY_MS} ms: automatic batching, requests sent`;
    figures.push({
      section: 'throughput',
      name,
      value: requests,
      unit: 'requests',
      target: atMost(requests, 2, '2 requests'),
      runs,
    });
  }
  return figures;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
