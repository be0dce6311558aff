/**
 * Section 2, runtime overhead: the same command through a generated client (`BlogsEntryService.getEntry`)
 * and through a raw undici `request()` on its own keep-alive Agent with an identical body and headers.
 * Rounds alternate (client/raw, then raw/client) and medians are compared, so machine noise hits both.
 */
import { isDeepStrictEqual } from 'node:util';
import { Agent, request } from 'undici';
import type { BenchContext } from './bench-context.js';
import { atMost, type Figure, type SectionResult } from './bench-report.js';
import { startBenchPortal } from './bench-portal.js';
import { portalClient } from './client-package.js';
import { runCalls, type Call, type Sample } from './run-calls.js';
import { maximum, median, minimum } from './statistics.js';

const MODES = [
  { name: 'sequential', inFlight: 1, callsPerRound: 300, warmUp: 1000 },
  { name: '64 in flight', inFlight: 64, callsPerRound: 2000, warmUp: 5000 },
] as const;

export async function benchRuntimeOverhead(context: BenchContext): Promise<SectionResult> {
  context.log('runtime: building the 7.x portal client into .cache/bench/pkg');
  const client = await portalClient(context.root, context.cacheDir);
  const portal = await startBenchPortal(0);
  const session = new client.Session({ server: portal.url });
  const service = new client.BlogsEntryService(session);
  const agent = new Agent();
  const url = new URL('/api/jsonws/invoke', portal.url);
  // What a hand-written call does: serialise the command, POST it, parse the answer.
  const raw: Call = async (entryId) => {
    const body = JSON.stringify([{ '/blogsentry/get-entry': { entryId } }]);
    const answer = await request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body,
      dispatcher: agent,
    });
    return (JSON.parse(await answer.body.text()) as unknown[])[0];
  };
  const viaClient: Call = (entryId) => service.getEntry({ entryId });
  try {
    if (!isDeepStrictEqual(await viaClient(1), await raw(1)))
      throw new Error('the client and the raw request got different answers');
    const figures: Figure[] = [];
    for (const mode of MODES) figures.push(...(await compare(context, mode, viaClient, raw)));
    return { figures };
  } finally {
    await session.close();
    await agent.close();
    await portal.close();
  }
}

async function compare(
  context: BenchContext,
  mode: (typeof MODES)[number],
  viaClient: Call,
  raw: Call,
): Promise<Figure[]> {
  await runCalls(viaClient, mode.warmUp, mode.inFlight);
  await runCalls(raw, mode.warmUp, mode.inFlight);
  const clientSamples: Sample[] = [];
  const rawSamples: Sample[] = [];
  for (let round = 0; round < context.options.rounds; round++) {
    // Alternate which side goes first, so drift within a round does not favour one side.
    const order = round % 2 === 0 ? ([viaClient, raw] as const) : ([raw, viaClient] as const);
    for (const call of order)
      (call === raw ? rawSamples : clientSamples).push(await runCalls(call, mode.callsPerRound, mode.inFlight));
  }
  const perCall = (samples: readonly Sample[]): number =>
    median(samples.map((sample) => (sample.ms * 1000) / sample.calls));
  const cpuPerCall = (samples: readonly Sample[]): number =>
    median(samples.map((sample) => sample.cpuUs / sample.calls));
  const [clientUs, rawUs] = [perCall(clientSamples), perCall(rawSamples)];
  const ratio = clientUs / rawUs;
  const pairRatios = clientSamples.map((sample, i) => sample.ms / (rawSamples[i]?.ms ?? Number.NaN));
  context.log(
    `runtime ${mode.name}: client ${clientUs.toFixed(1)} µs, raw ${rawUs.toFixed(1)} µs per call (${ratio.toFixed(2)})`,
  );
  const runs = context.options.rounds;
  const calls = `${(runs * mode.callsPerRound).toLocaleString('en-US')} calls per side in ${runs} rounds`;
  const [clientCpu, rawCpu] = [cpuPerCall(clientSamples), cpuPerCall(rawSamples)];
  return [
    {
      section: 'runtime',
      name: `per call, ${mode.name}: raw undici request()`,
      value: rawUs,
      unit: 'µs',
      runs,
      note: `${calls}; CPU ${rawCpu.toFixed(1)} µs/call`,
    },
    {
      section: 'runtime',
      name: `per call, ${mode.name}: generated client`,
      value: clientUs,
      unit: 'µs',
      ratio,
      ratioTo: 'client / raw',
      target: atMost(ratio, 1.1, '1.10 (ratio)'),
      runs,
      note: `CPU ${clientCpu.toFixed(1)} µs/call (${(clientCpu / rawCpu).toFixed(2)}x raw); per-round ratios ${minimum(pairRatios).toFixed(2)}–${maximum(pairRatios).toFixed(2)}`,
      detail: {
        clientMs: clientSamples.map((s) => s.ms),
        rawMs: rawSamples.map((s) => s.ms),
        callsPerRound: mode.callsPerRound,
        clientCpuUs: clientCpu,
        rawCpuUs: rawCpu,
      },
    },
  ];
}
