/**
 * How many calls a channel's close failed (channel.closed's `failed`, counted by RequestCode): a
 * module of its own, so that the caption, which is in the page's first script, reads it without the
 * event log's sentences.
 */
import type { TraceEvent } from '../../sim/index.ts';

export type ChannelClosed = Extract<TraceEvent, { type: 'channel.closed' }>;

export function closedCallCount(e: ChannelClosed): number {
  return Object.values(e.failed).reduce((sum, n) => sum + (n ?? 0), 0);
}
