/**
 * The figures every section produces, the issue's targets they are held to, and the markdown table that
 * shows them. The same figures go to the JSON file, so the table is only a view of them.
 */
import type { Section } from './bench-options.js';

export type Unit = 'ms' | 'µs' | 'B' | 'MiB' | 'requests';

/** The issue's goal for a figure, and whether this run met it. */
export interface Target {
  readonly text: string;
  readonly met: boolean;
}

export interface Figure {
  readonly section: Section;
  readonly name: string;
  readonly value: number;
  readonly unit: Unit;
  /** A comparison measured in the same run: value / `ratioTo` (or a speed-up, as `ratioTo` says). */
  readonly ratio?: number;
  readonly ratioTo?: string;
  readonly target?: Target;
  /** How many measurements the median was taken over. */
  readonly runs?: number;
  readonly note?: string;
  /** Machine-readable extras for the JSON (raw samples, request counts...). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** What a section hands back: its figures and, optionally, extra markdown tables. */
export interface SectionResult {
  readonly figures: readonly Figure[];
  readonly tables?: readonly string[];
}

export function atMost(value: number, limit: number, text: string): Target {
  return { text: `≤ ${text}`, met: value <= limit };
}

export function atLeast(value: number, limit: number, text: string): Target {
  return { text: `≥ ${text}`, met: value >= limit };
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
    case 'µs':
      return `${value.toFixed(1)} µs`;
    case 'MiB':
      return `${value.toFixed(1)} MiB`;
    case 'requests':
      return `${Math.round(value)} req`;
    case 'B':
      return value < 1024 ? `${value} B` : `${value.toLocaleString('en-US')} B (${(value / 1024).toFixed(1)} KiB)`;
  }
}

export function formatRatio(figure: Figure): string {
  if (figure.ratio === undefined) return '';
  return `${figure.ratio.toFixed(2)}${figure.ratioTo === undefined ? '' : ` (${figure.ratioTo})`}`;
}

/** A markdown table; cells must not contain "|". */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell) => cell.replaceAll('|', '/')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.section,
    figure.name,
    formatValue(figure.value, figure.unit),
    formatRatio(figure),
    figure.target?.text ?? '',
    figure.target === undefined ? '' : figure.target.met ? 'yes' : '**no**',
    figure.runs === undefined ? '' : String(figure.runs),
    figure.note ?? '',
  ]);
  return markdownTable(['Section', 'Figure', 'Median', 'Ratio', 'Target', 'Met', 'Runs', 'Notes'], rows);
}
