/**
 * The README's usage example is a Markdown code block whose statements may hold backticks (a parameter's name
 * goes into the example as a quoted key): its fence is longer than any run of them, as prettier writes it, so
 * the block cannot end early.
 */
import { describe, expect, it } from 'vitest';
import { modelOf, renderApi } from '../hostile/run-case.js';
import { judgeFiles } from '../helpers/prettier-judge.js';

const document = (parameter: string): string =>
  JSON.stringify({
    contextName: '',
    services: [
      {
        method: 'GET',
        name: 'BlogsEntry#getEntry',
        path: '/blogsentry/get-entry',
        parameters: [{ name: parameter, type: 'long' }],
        returns: { type: 'long' },
      },
    ],
    types: [],
  });

describe("the README's example", () => {
  it.each([
    ['entryId', '```'],
    ['a```b', '````'],
    ['a`````b', '``````'],
  ])('with a parameter named %s is fenced with %s, as prettier writes it', async (parameter, fence) => {
    const outcome = modelOf({ format: '7.x', faulty: false, text: document(parameter) });
    if ('rejected' in outcome) throw new Error(`rejected: ${outcome.rejected}`);
    const readme = renderApi(outcome.api)
      .flat()
      .find((file) => file.path === 'README.md');
    expect(readme?.contents).toContain(`\n${fence}ts\nimport {`);
    expect(await judgeFiles(readme === undefined ? [] : [readme])).toEqual([]);
  });
});
