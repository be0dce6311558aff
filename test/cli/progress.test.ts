/**
 * The progress line of `generate`, driven stage by stage on a stand-in terminal stream: it only moves
 * forward, also when stages overlap.
 */
import { describe, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

/** A terminal stream that keeps what was written; what a person would read, escape sequences removed. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const write = (chunk: string) => (chunks.push(String(chunk)), true);
  // What the spinner calls on a tty.WriteStream; each moves the cursor, which the text below leaves out.
  const cursor = () => true;
  const stream = {
    isTTY: true,
    columns: 120,
    rows: 40,
    write,
    cursorTo: cursor,
    moveCursor: cursor,
    clearLine: cursor,
    clearScreenDown: cursor,
  };

  return {
    stream: stream as unknown as NodeJS.WriteStream,
    text: () => chunks.join('').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''),
  };
}

describe('progress line', () => {
  it('does not go back to formatting once the type-check that overlapped it has ended', async ({ expect }) => {
    const terminal = fakeTerminal();
    const progress = await createProgress(terminal.stream);
    progress.start('format');
    progress.start('verify');
    progress.end('verify', 900);
    const afterVerify = terminal.text().length;
    progress.end('format', 1200);
    progress.stop();
    const text = terminal.text();
    expect(text).toMatch(/Type-checking the package \(900 ms\)[\s\S]*Formatting \(1200 ms\)/);
    expect(text.slice(afterVerify)).not.toContain('Formatting…');
    expect(text.slice(text.indexOf('Type-checking the package (900 ms)'))).not.toContain('Formatting…');
  });

  it('reports stages in the order they run, each once done', async ({ expect }) => {
    const terminal = fakeTerminal();
    const progress = await createProgress(terminal.stream);
    for (const stage of ['model', 'render', 'format', 'write', 'verify', 'swap'] as const) {
      progress.start(stage);
      progress.end(stage, 1);
    }
    progress.stop();
    const done = [...terminal.text().matchAll(/✔ ([^(\n]+) \(1 ms\)/g)].map((match) => match[1]);
    expect(done).toEqual([
      'Building the model',
      'Rendering services',
      'Formatting',
      'Writing the files beside the output',
      'Type-checking the package',
      'Swapping the package in',
    ]);
  });
});
