/** The closing lines of the report: how many of the targets this run met, and which it missed. */
import { formatValue, type Figure } from './bench-report.js';

export function targetSummary(figures: readonly Figure[]): string[] {
  const held = figures.filter((figure) => figure.target !== undefined);
  if (held.length === 0) return [];
  const missed = held.filter((figure) => figure.target?.met === false);
  const lines = ['', `Targets met: ${held.length - missed.length} of ${held.length}.`];
  for (const figure of missed) {
    const shown =
      figure.ratio !== undefined && figure.target?.text.includes('ratio')
        ? figure.ratio.toFixed(2)
        : formatValue(figure.value, figure.unit);
    lines.push(`- missed: ${figure.name}: ${shown} (target ${figure.target?.text ?? ''})`);
  }
  return lines;
}
