/**
 * What discovery reports while it works, for `--verbose`. URLs never carry credentials and no event
 * contains a header, so nothing here needs redacting.
 */
export type DiscoveryEvent =
  /** A GET is about to be sent; `attempt` counts from 1, and the hops of one redirect chain share it. */
  | { readonly kind: 'request'; readonly url: string; readonly attempt: number }
  /** The status line of an answer (redirects included). */
  | { readonly kind: 'response'; readonly url: string; readonly status: number; readonly attempt: number }
  /** A same-origin redirect that is being followed. */
  | { readonly kind: 'redirect'; readonly from: string; readonly to: string; readonly status: number }
  /** A failed attempt that will be retried after `delay` ms; `reason` is "HTTP 503" or an error code. */
  | {
      readonly kind: 'retry';
      readonly url: string;
      readonly attempt: number;
      readonly delay: number;
      readonly reason: string;
    }
  /** A discovery file is being read. */
  | { readonly kind: 'read'; readonly path: string };
