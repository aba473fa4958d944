/**
 * The marks of a fault's signs under the playhead, said in the failover view's words: one mark per
 * moment, the signs of that moment one line each (src/sim/queries/fault-signs.ts finds them).
 */
import type { FaultSign } from '../../sim/queries/fault-signs.ts';
import { formatDuration, formatTime } from '../../viz/format.ts';
import { detectionSentence, type DetectionConfig } from '../panels/failover-model.ts';
import type { FailoverStrings } from '../panels/failover-strings.ts';

export interface SignMark {
  at: number;
  title: string;
}

function signSaid(sign: FaultSign, strings: FailoverStrings, config: DetectionConfig): string {
  const time = formatTime(sign.t);
  const after = formatDuration(sign.t - sign.faultAt);
  // A NameServers' sign tells every NameServer that noticed alike at once.
  const told = sign.detection && detectionSentence({ ...sign.detection, party: sign.parties.join(', ') }, sign.node, strings, config);
  switch (sign.kind) {
    case 'first': return strings.signs.first(time, strings.action(sign.fault, sign.target), told ?? '');
    case 'elected': return strings.signs.told(time, told ?? '');
    case 'nameServer': return told ? strings.signs.told(time, told) : strings.signs.dropped(time, sign.parties.join(', '), sign.node, after);
    case 'routes': return strings.signs.routesGone(time, sign.node, after, sign.parties[0] ?? '');
  }
}

/** One mark per moment, in time order: signs of the same millisecond share one mark, a line each. */
export function signMarks(signs: readonly FaultSign[], strings: FailoverStrings, config: DetectionConfig): SignMark[] {
  const byTime = new Map<number, string[]>();
  for (const sign of [...signs].sort((a, b) => a.t - b.t)) {
    const lines = byTime.get(sign.t) ?? [];
    byTime.set(sign.t, [...lines, signSaid(sign, strings, config)]);
  }
  return [...byTime].map(([at, lines]) => ({ at, title: lines.join('\n') }));
}
