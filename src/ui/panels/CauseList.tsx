/**
 * The causes behind a counter of the summary, each with its count, largest first (and under Sent,
 * the sends answered with another status than SEND_OK, by status): duplicates by
 * what brought the message back, never-consumable messages by why their queue cannot be read,
 * failed messages by whether they made an attempt, failed send attempts by the broker's answer or
 * the channel's failure, lost messages by how they were lost.
 */
import type { MessageLostReason } from '../../sim/index.ts';
import type { Summary } from '../../sim/summary.ts';
import { formatCount } from '../../viz/format.ts';
import { CAUSE_STRINGS, type CauseStrings } from './cause-strings.ts';
import { useWords } from '../i18n/index.ts';

export type CausedMetric = 'sent' | 'neverConsumable' | 'duplicates' | 'failed' | 'failedAttempts' | 'lost';

interface CauseCount {
  key: string;
  label: string;
  count: number;
}

function sorted(entries: [string, number | undefined][], label: (key: string) => string): CauseCount[] {
  return entries
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .map(([key, count]) => ({ key, label: label(key), count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

function causesOf(metric: CausedMetric, messages: Summary['messages'], strings: CauseStrings): CauseCount[] {
  switch (metric) {
    case 'sent':
      return sorted(Object.entries(messages.sentNotOk), (key) => strings.notOk[key as keyof CauseStrings['notOk']]);
    case 'duplicates':
      return sorted(Object.entries(messages.duplicateCauses), (key) => strings.duplicate[key as keyof CauseStrings['duplicate']]);
    case 'neverConsumable':
      return sorted(Object.entries(messages.neverConsumableCauses), (key) => strings.neverConsumable[key as keyof CauseStrings['neverConsumable']]);
    case 'failed':
      return sorted(Object.entries(messages.failedCauses), (key) => strings.failed[key as keyof CauseStrings['failed']]);
    case 'failedAttempts':
      return sorted(Object.entries(messages.failedAttemptReasons), (key) => strings.failedAttempt(key));
    case 'lost':
      return sorted(Object.entries(messages.lostCauses), (key) => strings.lost[key as keyof CauseStrings['lost']]);
  }
}

/** The losses of a copy a broker had stored (src/model/broker/flush-service.ts), as opposed to a ONEWAY send none stored. */
const STORED_LOSSES: ReadonlySet<string> = new Set<MessageLostReason>(['notFlushedNotReplicated', 'truncatedByNewMaster']);

/** Under the lost causes, when a broker had stored some of them: how many a group consumed all the same. */
function StoredLostNote({ counts, consumed, strings }: { counts: CauseCount[]; consumed: number; strings: CauseStrings }) {
  const stored = counts.reduce((sum, cause) => sum + (STORED_LOSSES.has(cause.key) ? cause.count : 0), 0);
  if (stored === 0) return null;
  return <p className="rs-muted" data-testid="stored-lost-note">{strings.storedLostNote(consumed, stored)}</p>;
}

/** The open counter's causes, under what it counts; loaded when a counter that has causes is first opened. */
export function CauseList({ metric, label, messages }: { metric: CausedMetric; label: string; messages: Summary['messages'] }) {
  const strings = useWords(CAUSE_STRINGS);
  const counts = causesOf(metric, messages, strings);
  // Under Sent: not causes, but the sends whose answer was not SEND_OK.
  const title = metric === 'sent' ? strings.notOkTitle : strings.causesOf(label);
  const empty = metric === 'sent' ? strings.allSendOk : strings.noCauses;
  return (
    <>
      <h4>{title}</h4>
      {counts.length === 0 ? <p className="rs-muted">{empty}</p> : (
        <ul>
          {counts.map((cause) => (
            <li key={cause.key} data-testid={`cause-${cause.key}`}>
              <strong>{formatCount(cause.count)}</strong> <span>{cause.label}</span>
            </li>
          ))}
        </ul>
      )}
      {metric === 'lost' && <StoredLostNote counts={counts} consumed={messages.lostConsumed} strings={strings} />}
    </>
  );
}
