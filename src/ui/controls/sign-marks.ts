/**
 * The marks of a fault's signs under the playhead, said in the failover view's words: one mark per
 * moment, the signs of that moment one line each (src/sim/queries/fault-signs.ts finds them).
 */
import type { SimConfig } from '../../sim/index.ts';
import type { FaultSign } from '../../sim/queries/fault-signs.ts';
import { formatPeriod, formatTime } from '../../viz/format.ts';
import { detectionSentence, type DetectionConfig } from '../panels/failover-model.ts';
import type { FailoverStrings, StaleRoutes } from '../panels/failover-strings.ts';
import { signMoments } from './mark-times.ts';

interface SignMark {
  at: number;
  title: string;
}

/** A sign in words: a detection's sentence gives its own time (the failover view's), the others begin with theirs. */
function signSaid(sign: FaultSign, strings: FailoverStrings, config: MarkConfig): string {
  const time = formatTime(sign.t);
  const after = formatPeriod(sign.t - sign.faultAt, strings.language);
  const parties = sign.parties.join(strings.signs.separator);
  // A NameServers' sign tells every NameServer that noticed alike at once.
  const told = sign.detection && detectionSentence({ ...sign.detection, party: parties }, sign.node, strings, config);
  switch (sign.kind) {
    case 'first': return strings.signs.first(strings.action(sign.fault, sign.target), told ?? '');
    case 'elected': return told ?? '';
    case 'nameServer': return told ?? strings.signs.dropped(time, parties, sign.node, after, config.enableControllerMode);
    case 'routes': return strings.signs.routesGone(time, sign.node, after, sign.parties[0] ?? '', staleFor(sign, config, strings));
  }
}

/** The run's settings a mark's words read: a detection's arithmetic, whether a controller elects masters, the route pulls' period. */
type MarkConfig = DetectionConfig & Pick<SimConfig, 'enableControllerMode' | 'pollNameServerIntervalMs'>;

/** A route pull comes within pollNameServerInterval of the NameServers' drop, its answer a moment later: a longer wait is said, with why. */
const ANSWER_MS = 1_000;

/** How long the clients' routes outlived the NameServers' drop, when more than a route pull takes, and why; else null. */
function staleFor(sign: FaultSign, config: MarkConfig, strings: FailoverStrings): StaleRoutes | null {
  if (sign.nameServersDroppedAt === null) return null;
  const waited = sign.t - sign.nameServersDroppedAt;
  return waited > config.pollNameServerIntervalMs + ANSWER_MS ? { waited: formatPeriod(waited, strings.language), ...sign.unrefreshed } : null;
}

/** One mark per moment (signMoments: signs closer than `apartMs` share a ring), the moment's signs a line each. */
export function signMarks(signs: readonly FaultSign[], strings: FailoverStrings, config: MarkConfig, apartMs: number): SignMark[] {
  return signMoments(signs, apartMs).map(({ at, signs: those }) => ({ at, title: those.map((sign) => signSaid(sign, strings, config)).join('\n') }));
}
