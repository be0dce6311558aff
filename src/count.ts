/** "1 service", "2 services": a count with its noun, for every message that counts something. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
