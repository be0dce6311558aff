/** The command line of `npm run bench`: which sections to run, how many runs, where to write the JSON. */
export const SECTIONS = ['generation', 'runtime', 'throughput', 'size', 'baseline'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  readonly sections: readonly Section[];
  /** Runs per generation series (fewer when the series budget runs out); import-time pairs are twice this. */
  readonly runs: number;
  /** Seconds a generation series may use before it stops starting new runs (0: no limit). */
  readonly budgetSeconds: number;
  /** Corpus sizes of the generation section (1: the corpus; 2, 4: replicated). */
  readonly scales: readonly number[];
  /** Alternating rounds per side in the runtime-overhead section. */
  readonly rounds: number;
  /** An extra path for the JSON figures (besides .cache/bench/results.json). */
  readonly json: string | undefined;
  /** The commit the baseline section builds and compares with (`--baseline [commit]`). */
  readonly baseline: string | undefined;
  readonly help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --only <sections>   comma-separated: ${SECTIONS.join(', ')} (default: all)
  --runs <n>          runs per generation series, at most (default 5)
  --budget <seconds>  time per generation series before no more rounds start (default 30; 0: none)
  --scales <list>     corpus sizes for the generation section, e.g. 1 or 1,2,4 (default 1,2,4)
  --rounds <n>        alternating client/raw rounds per side in the runtime section (default 10)
  --json <file>       also write the figures as JSON to <file>
  --baseline [commit] only the baseline section: this build against <commit> (default 6968828), built in a
                      temporary git worktree, both generating the 7.0 and 7.3 documents cold, round by round
`;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  // The baseline section builds another commit: only on request.
  let sections: Section[] = SECTIONS.filter((section) => section !== 'baseline');
  let runs = 5;
  let budgetSeconds = 30;
  let scales = [1, 2, 4];
  let rounds = 10;
  let json: string | undefined;
  let baseline: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--only') sections = parseSections(value());
    else if (flag === '--runs') runs = positive(flag, value(), 1);
    else if (flag === '--budget') budgetSeconds = positive(flag, value(), 0);
    else if (flag === '--scales')
      scales = value()
        .split(',')
        .map((each) => positive(flag, each.trim(), 1));
    else if (flag === '--rounds') rounds = positive(flag, value(), 1);
    else if (flag === '--json') json = value();
    else if (flag === '--baseline') {
      // The commit is optional: the next argument is it unless it is another option.
      const next = argv[i + 1];
      baseline = next !== undefined && !next.startsWith('--') ? (i++, next) : '6968828';
      sections = ['baseline'];
    } else if (flag === '--help' || flag === '-h') help = true;
    else throw new Error(`unknown option ${String(flag)}\n${USAGE}`);
  }
  return {
    sections,
    runs,
    budgetSeconds,
    scales: [...new Set(scales)].sort((a, b) => a - b),
    rounds,
    json,
    baseline,
    help,
  };
}

function parseSections(text: string): Section[] {
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(SECTIONS as readonly string[]).includes(name))
      throw new Error(`unknown section "${name}"; sections: ${SECTIONS.join(', ')}`);
  }
  return SECTIONS.filter((section) => names.includes(section));
}

function positive(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum)
    throw new Error(`${flag} takes an integer >= ${minimum}, got "${text}"`);
  return value;
}
