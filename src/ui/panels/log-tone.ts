/**
 * The colour class of an event log row's type: its family's colour, except that what failed is
 * red and a send RocketMQ stored without every guarantee (FLUSH_DISK_TIMEOUT,
 * SLAVE_NOT_AVAILABLE ... in SendStatus) is amber, and a duplicate consumption (message.consumedAgain)
 * is a notice, blue as the Duplicates counter (counters.css). A SEND_OK is never coloured like an error.
 */
import type { TraceEvent } from '../../sim/index.ts';

const FAILURES: ReadonlySet<TraceEvent['type']> = new Set([
  'send.failed', 'channel.closed', 'message.lost', 'consume.failed', 'pull.rejected', 'route.failed', 'consumer.startFailed', 'topic.updateFailed', 'nameServer.writePermFailed',
] satisfies TraceEvent['type'][]);

export function logTypeClass(event: TraceEvent): string {
  if (FAILURES.has(event.type)) return 'rs-type-failure';
  if (event.type === 'message.consumedAgain') return 'rs-type-notice';
  if (event.type === 'send.result' && event.status !== 'SEND_OK') return event.status === 'FAILED' ? 'rs-type-failure' : 'rs-type-warning';
  return `rs-type-${event.type.split('.')[0]}`;
}
