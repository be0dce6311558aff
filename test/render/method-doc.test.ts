import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/discovery/decode-document.js';
import { buildApi } from '../../src/model/index.js';
import { HEADER, toServiceView, type MethodView } from '../../src/render/views.js';
import { mapContext } from '../../src/typemap/index.js';

/** The view of the one method of a 7.x document whose overloads are `entries` (all under /blogsentry/get-entry). */
function methodView(entries: readonly Record<string, unknown>[]): MethodView {
  const services = entries.map((entry, index) => ({
    name: 'BlogsEntry#getEntry',
    path: '/blogsentry/get-entry',
    method: 'GET',
    parameters: [{ name: `p${index}`, type: 'long' }],
    returns: { type: 'long' },
    ...entry,
  }));
  const text = JSON.stringify({ contextName: '', types: [], services });
  const [context] = buildApi([decodeDocument({ text, source: 'test.json' })]).contexts;
  if (context === undefined) throw new Error('no context');
  const [service] = mapContext(context).services;
  const method = service === undefined ? undefined : toServiceView(service, HEADER).methods[0];
  if (method === undefined) throw new Error('no method');
  return method;
}

const lines = (view: MethodView) => view.docLines.map((line) => `${line.tag} ${line.text}`.trim());

describe("a method's JSDoc, one for all its overloads", () => {
  const sent = 'Sent as the `/blogsentry/get-entry` command of a POST to JSON-WS `/invoke`.';

  it('is one line when it is only how a call is sent, whatever HTTP method the portal lists', () => {
    expect(methodView([{}, {}])).toMatchObject({ docLine: sent });
    expect(methodView([{ method: 'POST' }])).toMatchObject({ docLine: sent });
  });

  it("says that an overload with a file is a multipart POST to the action's own URL", () => {
    const upload = 'a multipart POST to JSON-WS `/blogsentry/get-entry`';
    expect(methodView([{ parameters: [{ name: 'file', type: 'java.io.File' }] }])).toMatchObject({
      docLine: `Sent as ${upload} (it has a file).`,
    });
    expect(lines(methodView([{}, { parameters: [{ name: 'file', type: 'java.io.File' }] }]))).toEqual([
      sent,
      `An overload with a file is sent as ${upload}.`,
    ]);
  });

  it('says each distinct description once, then the path, with the tags last', () => {
    const view = methodView([
      { description: 'Returns the <code>entry</code>.', returns: { type: 'long', description: 'the entry' } },
      { description: 'Returns the <code>entry</code>.' },
      {},
    ]);
    expect(view.docLine).toBe(false);
    expect(lines(view)).toEqual(['Returns the `entry`.', '', sent, '@returns the entry']);
  });

  it('marks the method deprecated only when every overload is, and says how many are otherwise', () => {
    expect(lines(methodView([{ deprecated: true }, { deprecated: true }])).at(-1)).toBe(
      '@deprecated The portal marks this action as deprecated.',
    );
    const some = lines(methodView([{ deprecated: true }, {}]));
    expect(some).toContain('The portal marks 1 of its 2 overloads as deprecated.');
    expect(some.some((line) => line.startsWith('@deprecated'))).toBe(false);
  });
});
