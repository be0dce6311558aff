/** Runs a number of calls with a fixed number in flight and times them (wall and this process's CPU). */
export type Call = (index: number) => Promise<unknown>;

export interface Sample {
  readonly calls: number;
  readonly ms: number;
  /** User + system CPU of this process, in µs: the client's own cost, the portal runs elsewhere. */
  readonly cpuUs: number;
}

export async function runCalls(call: Call, calls: number, inFlight: number): Promise<Sample> {
  let next = 0;
  // Each worker starts its next call when its previous one settles: exactly `inFlight` outstanding.
  const worker = async (): Promise<void> => {
    while (next < calls) await call(next++);
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, calls) }, worker));
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { calls, ms, cpuUs: used.user + used.system };
}
