/**
 * The one redirect policy function, table-driven: what it follows, where it stops, and when credentials may
 * go, for each named option. The requests themselves are tested end to end (download, cookie sign-in).
 */
import { describe, expect, it } from 'vitest';
import { followRedirects, type Hop, type RedirectPolicy } from '../../src/runtime/redirect.js';

const server = 'https://portal.example.com/portal';

interface Case {
  readonly policy: RedirectPolicy;
  /** Each request's answer, in order: a Location to redirect to (302), or null for a 200. */
  readonly locations: readonly (string | null)[];
  /** The hops sent: `url` and whether credentials went (`+`) or not (`-`). */
  readonly hops: readonly string[];
  /** The status of the answer returned. */
  readonly status: number;
}

const DOWNLOAD: RedirectPolicy = { follow: 5, leaveOrigin: true, stopAtSignIn: true };
const SIGN_IN: RedirectPolicy = { follow: 10 };
const NONE: RedirectPolicy = { follow: 0 };

describe('followRedirects', () => {
  it.each<[string, Case]>([
    [
      'follows none with follow: 0',
      { policy: NONE, locations: ['/elsewhere', null], hops: ['+ https://portal.example.com/a'], status: 302 },
    ],
    [
      'follows same-origin redirects, relative ones too, with credentials',
      {
        policy: SIGN_IN,
        locations: ['/web/guest', 'home?x=1', null],
        hops: [
          '+ https://portal.example.com/a',
          '+ https://portal.example.com/web/guest',
          '+ https://portal.example.com/web/home?x=1',
        ],
        status: 200,
      },
    ],
    [
      'stops at another origin unless leaveOrigin',
      {
        policy: SIGN_IN,
        locations: ['https://evil.example.net/steal', null],
        hops: ['+ https://portal.example.com/a'],
        status: 302,
      },
    ],
    [
      'leaves the origin without credentials, and never takes them back',
      {
        policy: DOWNLOAD,
        locations: ['https://cdn.example.net/file', 'https://portal.example.com/again', null],
        hops: [
          '+ https://portal.example.com/a',
          '- https://cdn.example.net/file',
          '- https://portal.example.com/again',
        ],
        status: 200,
      },
    ],
    [
      'stops at the sign-in page with stopAtSignIn, so that the session may sign in again',
      {
        policy: DOWNLOAD,
        locations: ['/c/portal/login?redirect=x', null],
        hops: ['+ https://portal.example.com/a'],
        status: 302,
      },
    ],
    [
      'follows the sign-in page without stopAtSignIn (the sign-in itself)',
      {
        policy: SIGN_IN,
        locations: ['/c/portal/login?redirect=x', null],
        hops: ['+ https://portal.example.com/a', '+ https://portal.example.com/c/portal/login?redirect=x'],
        status: 200,
      },
    ],
    [
      'returns the last redirect once `follow` are followed',
      {
        policy: { follow: 2 },
        locations: ['/1', '/2', '/3', null],
        hops: ['+ https://portal.example.com/a', '+ https://portal.example.com/1', '+ https://portal.example.com/2'],
        status: 302,
      },
    ],
  ])('%s', async (_name, { policy, locations, hops, status }) => {
    const sent: string[] = [];
    const cancelled: number[] = [];
    const [answer, url] = await followRedirects('https://portal.example.com/a', server, policy, async (hop: Hop) => {
      const index = sent.push(`${hop.trusted ? '+' : '-'} ${hop.url}`) - 1;
      expect(hop.index).toBe(index);
      const location = locations[index] ?? null;
      return {
        status: location === null ? 200 : 302,
        location: location ?? undefined,
        cancel: () => void cancelled.push(index),
      };
    });
    expect(sent).toEqual(hops);
    expect(answer.status).toBe(status);
    expect(url).toBe(hops.at(-1)?.slice(2));
    // Every answer left behind was released; the one returned was not.
    expect(cancelled).toEqual(hops.slice(0, -1).map((_, index) => index));
  });
});
