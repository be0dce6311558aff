/**
 * Errors thrown in the build worker reach the calling thread as the same class, code, message, own fields
 * and cause: posted as data (structuredClone stands in for the thread boundary here, as postMessage clones).
 */
import { describe, expect, it } from 'vitest';
import { reviveError, transferError } from '../../src/build/transfer-error.js';
import { BuilderError } from '../../src/errors.js';
import { FormatError } from '../../src/format/format-error.js';
import { RenderError } from '../../src/render/render-error.js';
import { VerifyError } from '../../src/verify/verify-error.js';

const acrossThreads = (error: unknown): Error => reviveError(structuredClone(transferError(error)));

describe('an error from the build worker', () => {
  it('is the same builder error class, with its code, fields, message and stack', () => {
    const thrown = new RenderError('render.override', 'sync/service', 'partial "x" has no field "y"');
    const revived = acrossThreads(thrown);
    expect(revived).toBeInstanceOf(RenderError);
    expect(revived).toBeInstanceOf(BuilderError);
    expect(revived).toBeInstanceOf(Error);
    expect(revived).toMatchObject({ name: 'RenderError', code: 'render.override', template: 'sync/service' });
    expect(revived.message).toBe(thrown.message);
    expect(revived.stack).toBe(thrown.stack);
  });

  it('keeps its cause, an error or a plain value, and drops fields that cannot cross threads', () => {
    const cause = new SyntaxError('Unexpected token (3:1)');
    const thrown = Object.assign(new FormatError('format.failed', 'src/a.ts does not parse', { cause }), {
      retry: () => undefined,
    });
    const revived = acrossThreads(thrown);
    expect(revived).toBeInstanceOf(FormatError);
    expect(revived.cause).toBeInstanceOf(Error);
    expect(revived.cause).toMatchObject({ name: 'SyntaxError', message: 'Unexpected token (3:1)' });
    expect(revived).not.toHaveProperty('retry');
    expect(acrossThreads(new VerifyError('verify.compiler-failed', 'tsc failed', { cause: 127 })).cause).toBe(127);
  });

  it('is an Error with the name of a class the caller cannot import, and a message for what is not an Error', () => {
    const revived = acrossThreads(new TypeError('x is not a function'));
    expect(revived).toBeInstanceOf(Error);
    expect(revived).toMatchObject({ name: 'TypeError', message: 'x is not a function' });
    expect(acrossThreads('a string was thrown')).toMatchObject({ name: 'Error', message: 'a string was thrown' });
  });

  it('stops following causes after a few levels (a cycle ends too)', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    first.cause = second;
    let revived: unknown = acrossThreads(first);
    let depth = 0;
    while (revived instanceof Error) {
      revived = revived.cause;
      depth += 1;
    }
    expect(depth).toBe(5);
  });
});
