/** The machine the figures were taken on, and how busy it was: benchmarks on a loaded machine are noisy. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  readonly commit: string | undefined;
  /** 1-minute load average when the run started. */
  readonly loadAtStart: number;
}

export function describeMachine(root: string): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit: headCommit(root),
    loadAtStart: loadavg()[0] ?? 0,
  };
}

export function machineLine(machine: Machine, loadAtEnd: number): string {
  const load = `load average ${machine.loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end`;
  const busy =
    Math.max(machine.loadAtStart, loadAtEnd) > machine.cores ? ' (busier than its cores: figures are noisy)' : '';
  return (
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${load}${busy}` +
    (machine.commit === undefined ? '' : `; commit ${machine.commit}`)
  );
}

/** The commit the figures belong to (read-only git); undefined outside a repository. */
function headCommit(root: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
