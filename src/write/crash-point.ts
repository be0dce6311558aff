/**
 * A test hook: `LSB_TEST_CRASH_AT=<point>` kills the process (SIGKILL, as a power loss or `kill -9` would) when
 * the write stage reaches that point, so that the tests can check what every crash leaves, at each step of the
 * swap, without racing a timer against the machine's speed. Unset (always, outside the tests) it does nothing.
 */
export const CRASH_POINTS = [
  'staging-created',
  'staged',
  'output-moved-to-backup',
  'entry-carried-over',
  'staging-moved-to-output',
  'before-backup-removed',
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

export function crashPoint(point: CrashPoint): void {
  if (process.env['LSB_TEST_CRASH_AT'] === point) process.kill(process.pid, 'SIGKILL');
}
